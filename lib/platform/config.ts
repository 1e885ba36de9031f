import { z } from 'zod';

/**
 * Runtime configuration, validated once. Every default points at the embedded
 * development stack that `npm start` brings up, so nothing has to be set.
 */
const schema = z.object({
  DATABASE_URL: z.string().url().default('postgresql://postgres:postgres@127.0.0.1:54329/switchboard'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:19092')
    .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean)),
  KAFKA_CLIENT_ID: z.string().default('switchboard'),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
      throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
    }
    cached = parsed.data;
  }
  return cached;
}

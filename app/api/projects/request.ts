import { AppError } from '@/lib/platform/errors';

/** An x-correlation-id header that is a UUID continues the caller's chain; anything else starts a new one. */
export function correlationIdOf(request: Request): string | undefined {
  const id = request.headers.get('x-correlation-id');
  return id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : undefined;
}

/** A JSON object body, where an empty body means {} (Start / End need no body); anything else is a 400. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('INVALID', 'The request body must be JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('INVALID', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

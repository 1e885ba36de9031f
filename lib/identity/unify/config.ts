import { z } from 'zod';

/**
 * Reconciliation rules: for each golden field, a chain of rules applied in order, each keeping only the best
 * candidates by its own measure, until the candidates left agree on one value (as the seed did). Empty values are never
 * candidates. The format, as JSON:
 *
 *   { "fields": {
 *       "name":    [{ "rule": "source-priority", "sources": ["CX", "OM", "DI"] }, { "rule": "most-recent" }],
 *       "address": [{ "rule": "most-recent" }] } }
 *
 * - `source-priority`: keep the candidates of the first listed source that has one; unlisted sources come last, equal.
 * - `most-recent`: keep the candidates of the most recently updated record(s).
 * - `most-frequent`: keep the value that the most records hold (compared normalised: 김 민준 = 김민준, 서울 = 서울특별시).
 *
 * A field left out keeps its default chain; a field given replaces it. When the chain ends with several values left,
 * the newest record's value wins, equal times going to the smaller record key: the result never depends on the order
 * the records come in.
 */
export const GOLDEN_FIELDS = ['name', 'birthDate', 'gender', 'address'] as const;
export type GoldenFieldName = (typeof GOLDEN_FIELDS)[number];

export const unifyRuleSchema = z.discriminatedUnion('rule', [
  z.object({
    rule: z.literal('source-priority'),
    sources: z.array(z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'a source is its channel code, e.g. "CX"')).min(1)
      .refine((s) => new Set(s).size === s.length, 'a source is listed once'),
  }).strict(),
  z.object({ rule: z.literal('most-recent') }).strict(),
  z.object({ rule: z.literal('most-frequent') }).strict(),
]);
export type UnifyRule = z.infer<typeof unifyRuleSchema>;
export type UnifyRuleName = UnifyRule['rule'];

const chain = z.array(unifyRuleSchema).min(1, 'a field needs at least one rule');

export const unifyConfigSchema = z.object({
  fields: z.object(Object.fromEntries(GOLDEN_FIELDS.map((f) => [f, chain.optional()])) as Record<GoldenFieldName, z.ZodOptional<typeof chain>>).strict(),
}).strict();

export interface UnifyConfig {
  fields: Record<GoldenFieldName, UnifyRule[]>;
}

const SUPPORT_FIRST: UnifyRule = { rule: 'source-priority', sources: ['CX', 'OM', 'DI'] };

/**
 * The defaults, and why:
 * - name: CX first (agents confirm the name on the call), then the shop (typed by the customers themselves), then sales
 *   (typed by salesmen, with (주) and typos); within a source the newest.
 * - birthDate and gender: the value most records agree on, so one mistyped day is outvoted; then CX (read from the
 *   registration number), then the shop.
 * - address: the newest, since people move; equal times by source.
 */
export const DEFAULT_UNIFY_CONFIG: Readonly<UnifyConfig> = Object.freeze({
  fields: {
    name: [SUPPORT_FIRST, { rule: 'most-recent' }],
    birthDate: [{ rule: 'most-frequent' }, SUPPORT_FIRST],
    gender: [{ rule: 'most-frequent' }, SUPPORT_FIRST],
    address: [{ rule: 'most-recent' }, SUPPORT_FIRST],
  },
}) as UnifyConfig;

/** A configuration read from JSON (a file, a staff form), checked, with the fields it leaves out at their defaults. */
export function parseUnifyConfig(input: unknown): UnifyConfig {
  const parsed = unifyConfigSchema.parse(input);
  const fields = { ...DEFAULT_UNIFY_CONFIG.fields };
  for (const f of GOLDEN_FIELDS) if (parsed.fields[f]) fields[f] = parsed.fields[f];
  return { fields };
}

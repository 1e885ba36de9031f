import { z } from 'zod';

/**
 * A ruleset links two L1 records when ANY of its rules matches; a rule matches when ALL of its criteria do. Rules are
 * in priority order: when a guard forces a choice between links, those of earlier rules are kept first. The format is
 * documented in docs/identity-rules.md; changing a ruleset means rebuilding the grouping.
 */
export const FIELDS = ['name', 'phone', 'email', 'birth', 'address'] as const;
export type Field = (typeof FIELDS)[number];

const fuzzy = z.discriminatedUnion('algorithm', [
  z.object({
    field: z.enum(FIELDS),
    method: z.literal('fuzzy'),
    algorithm: z.literal('jaro-winkler'),
    /** similarity (0..1) on the jamo form for Hangul names, on the letters otherwise */
    threshold: z.number().gt(0).max(1),
  }).strict(),
  z.object({
    field: z.enum(FIELDS),
    method: z.literal('fuzzy'),
    algorithm: z.literal('edit-distance'),
    /** at most this many insertions, deletions or substitutions (of jamo for Hangul names) */
    maxDistance: z.number().int().min(0).max(10),
  }).strict(),
]);

export const criterionSchema = z.discriminatedUnion('method', [
  z.object({ field: z.enum(FIELDS), method: z.literal('exact') }).strict(),
  z.object({
    field: z.enum(FIELDS),
    method: z.literal('exact-normalised'),
    /**
     * phone only: let a shared or virtual number (050X, 080, 15XX...) satisfy the criterion; false by default. Shared
     * numbers make no blocking key, so such a pair is found only through another key it shares.
     */
    allowShared: z.boolean().optional(),
  }).strict(),
  fuzzy,
  z.object({ field: z.enum(FIELDS), method: z.literal('date-equal') }).strict(),
  z.object({ field: z.enum(FIELDS), method: z.literal('same-district') }).strict(),
]);
export type Criterion = z.infer<typeof criterionSchema>;
export type Method = Criterion['method'];

/** Which methods make sense for which field (a birth date has no district, a phone list is not fuzzy). */
export const METHODS_BY_FIELD: Record<Field, readonly Method[]> = {
  name: ['exact', 'exact-normalised', 'fuzzy'],
  phone: ['exact', 'exact-normalised'],
  email: ['exact', 'exact-normalised', 'fuzzy'],
  birth: ['date-equal'],
  address: ['exact', 'exact-normalised', 'fuzzy', 'same-district'],
};

const ruleSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'a rule id is 1-40 letters, digits, "-" or "_"'),
  /** one line for staff: why this rule links the same person */
  why: z.string().optional(),
  criteria: z.array(criterionSchema).min(1, 'a rule needs at least one criterion'),
}).strict();
export type Rule = z.infer<typeof ruleSchema>;

export const rulesetSchema = z.object({
  name: z.string().min(1),
  version: z.number().int().positive(),
  limits: z.object({
    /** a blocking key shared by more records than this (a shared phone, a common name) finds no candidates: reported */
    maxBlockSize: z.number().int().min(2).default(100),
    /** a group that would grow past this many records is held for review instead of merged */
    maxGroupSize: z.number().int().min(2).default(50),
  }).strict().prefault({}),
  /** strong identifiers that may not differ inside one group: a link that would join two different values is refused */
  conflicts: z.array(z.enum(['birth', 'gender'])).default(['birth']),
  rules: z.array(ruleSchema).min(1, 'a ruleset needs at least one rule'),
}).strict().superRefine((rs, ctx) => {
  const seen = new Set<string>();
  rs.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `rule id ${rule.id} is used twice` });
    seen.add(rule.id);
    rule.criteria.forEach((c, j) => {
      if (!METHODS_BY_FIELD[c.field].includes(c.method)) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'criteria', j, 'method'], message: `method ${c.method} is not available for field ${c.field} (use ${METHODS_BY_FIELD[c.field].join(', ')})` });
      }
      if (c.method === 'exact-normalised' && c.allowShared !== undefined && c.field !== 'phone') {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'criteria', j, 'allowShared'], message: 'allowShared applies to phone only' });
      }
    });
    if (!findable(rule)) {
      ctx.addIssue({
        code: 'custom', path: ['rules', i, 'criteria'],
        message: `rule ${rule.id} can never find its pairs: candidates come from blocking keys, so a rule needs phone or email exact-normalised, birth date-equal with a name criterion, or name with address same-district`,
      });
    }
  });
});
export type Ruleset = z.infer<typeof rulesetSchema>;

/** Whether the blocking keys of L1 (see cleanse.ts) bring a rule's pairs together at all. */
function findable(rule: Rule): boolean {
  const has = (field: Field, method?: Method) => rule.criteria.some((c) => c.field === field && (!method || c.method === method));
  return has('phone', 'exact-normalised') || has('email', 'exact-normalised') || (has('name') && (has('birth', 'date-equal') || has('address', 'same-district')));
}

export class RulesetError extends Error {
  constructor(readonly source: string, readonly issues: string) {
    super(`invalid ruleset ${source}:\n${issues}`);
    this.name = 'RulesetError';
  }
}

/** Validate a parsed JSON ruleset; a bad one throws a RulesetError listing every problem with its path. */
export function parseRuleset(input: unknown, source = '(input)'): Ruleset {
  const r = rulesetSchema.safeParse(input);
  if (!r.success) throw new RulesetError(source, z.prettifyError(r.error));
  return r.data;
}

/** A ruleset from JSON text (a file's contents); a JSON syntax error is a RulesetError too. */
export function parseRulesetJson(text: string, source = '(input)'): Ruleset {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RulesetError(source, `✖ not JSON: ${(e as Error).message}`);
  }
  return parseRuleset(json, source);
}

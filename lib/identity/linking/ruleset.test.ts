import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRuleset } from './default-ruleset';
import { parseRuleset, parseRulesetJson, RulesetError } from './ruleset';

const ruleset = (rules: unknown[], extra: object = {}) => ({ name: 'test', version: 1, rules, ...extra });
const errorOf = (input: unknown) => {
  try {
    parseRuleset(input, 'rules.json');
  } catch (e) {
    expect(e).toBeInstanceOf(RulesetError);
    return (e as Error).message;
  }
  throw new Error('parsed');
};

describe('ruleset format', () => {
  it('the default ruleset: three rules in priority order, the limits, birth dates as the strong identifier', () => {
    expect(defaultRuleset.rules.map((r) => [r.id, r.criteria.map((c) => `${c.field} ${c.method}`).join(' + ')])).toEqual([
      ['R1', 'phone exact-normalised + name fuzzy'],
      ['R2', 'email exact-normalised + name fuzzy'],
      ['R3', 'birth date-equal + address same-district + name fuzzy'],
    ]);
    expect(defaultRuleset.limits).toEqual({ maxBlockSize: 100, maxGroupSize: 50 });
    expect(defaultRuleset.conflicts).toEqual(['birth']);
    expect(defaultRuleset.rules.every((r) => r.why)).toBe(true);
  });

  it('the file parses as JSON text the same way, and limits and conflicts have defaults', () => {
    const text = readFileSync(new URL('./default-ruleset.json', import.meta.url), 'utf8');
    expect(parseRulesetJson(text)).toEqual(defaultRuleset);
    const minimal = parseRuleset(ruleset([{ id: 'e', criteria: [{ field: 'email', method: 'exact-normalised' }] }]));
    expect(minimal).toMatchObject({ limits: { maxBlockSize: 100, maxGroupSize: 50 }, conflicts: ['birth'] });
  });

  it('edit distance and the phone option allowShared', () => {
    const r = parseRuleset(ruleset([{ id: 'x', criteria: [{ field: 'phone', method: 'exact-normalised', allowShared: true }, { field: 'name', method: 'fuzzy', algorithm: 'edit-distance', maxDistance: 1 }] }]));
    expect(r.rules[0]!.criteria[1]).toEqual({ field: 'name', method: 'fuzzy', algorithm: 'edit-distance', maxDistance: 1 });
  });

  it('a bad ruleset: every problem with where it is', () => {
    const message = errorOf(ruleset([{ id: 'R1', criteria: [{ field: 'phone', method: 'fuzzy', algorithm: 'jaro-winkler', threshold: 1.2 }] }]));
    expect(message).toMatch(/^invalid ruleset rules\.json:/);
    expect(message).toContain('Too big: expected number to be <=1\n  → at rules[0].criteria[0].threshold');
    expect(message).toContain('method fuzzy is not available for field phone (use exact, exact-normalised)\n  → at rules[0].criteria[0].method');
  });

  it('an unknown method, algorithm or key, a missing threshold', () => {
    expect(errorOf(ruleset([{ id: 'R1', criteria: [{ field: 'email', method: 'soundex' }] }]))).toContain("Invalid discriminator value. Expected 'exact' | 'exact-normalised' | 'fuzzy' | 'date-equal' | 'same-district'\n  → at rules[0].criteria[0].method");
    expect(errorOf(ruleset([{ id: 'R1', criteria: [{ field: 'name', method: 'fuzzy', algorithm: 'jaro' }] }]))).toContain("Expected 'jaro-winkler' | 'edit-distance'\n  → at rules[0].criteria[0].algorithm");
    expect(errorOf(ruleset([{ id: 'R1', criteria: [{ field: 'name', method: 'fuzzy', algorithm: 'jaro-winkler' }] }]))).toContain('expected number, received undefined\n  → at rules[0].criteria[0].threshold');
    expect(errorOf(ruleset([{ id: 'R1', criteria: [{ field: 'email', method: 'exact-normalised', treshold: 1 }] }]))).toContain('Unrecognized key: "treshold"');
  });

  it('duplicate ids, no rules, limits too small', () => {
    const email = { field: 'email', method: 'exact-normalised' };
    expect(errorOf(ruleset([{ id: 'R1', criteria: [email] }, { id: 'R1', criteria: [email] }]))).toContain('rule id R1 is used twice\n  → at rules[1].id');
    expect(errorOf(ruleset([], { limits: { maxGroupSize: 1 } }))).toMatch(/a ruleset needs at least one rule\n {2}→ at rules[\s\S]*Too small: expected number to be >=2\n {2}→ at limits\.maxGroupSize/);
  });

  it('a rule that blocking keys can never bring together is refused', () => {
    expect(errorOf(ruleset([{ id: 'names', criteria: [{ field: 'name', method: 'exact-normalised' }] }]))).toContain('rule names can never find its pairs');
    expect(errorOf(ruleset([{ id: 'p', criteria: [{ field: 'phone', method: 'exact' }, { field: 'birth', method: 'date-equal' }] }]))).toContain('rule p can never find its pairs');
    expect(() => parseRuleset(ruleset([{ id: 'nd', criteria: [{ field: 'name', method: 'exact' }, { field: 'address', method: 'same-district' }] }]))).not.toThrow();
  });

  it('JSON that does not parse', () => {
    expect(() => parseRulesetJson('{"name": ', 'rules.json')).toThrow(/^invalid ruleset rules\.json:\n✖ not JSON: /);
  });
});

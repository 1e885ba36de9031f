import { describe, expect, it } from 'vitest';
import { ruleStates } from './rule-states';

const r = (id: string, effectiveFrom: string, method = 'CARD') => ({ id, merchantNumber: 'merchant-0001', method, action: 'PAYMENT', effectiveFrom });

describe('rule states on a day', () => {
  it('per key: newest from today or earlier in force, later ones scheduled, older ones superseded', () => {
    const s = ruleStates([r('old', '2026-01-01'), r('now', '2026-12-01'), r('next', '2026-12-04'), r('later', '2027-01-01'), r('pay', '2026-12-03', 'PAY')], '2026-12-03');
    expect(Object.fromEntries(s)).toEqual({ old: 'superseded', now: 'in force', next: 'scheduled', later: 'scheduled', pay: 'in force' });
  });

  it('a key with only future rules has none in force (the default rule applies until then)', () => {
    expect([...ruleStates([r('a', '2026-12-04')], '2026-12-03').values()]).toEqual(['scheduled']);
  });
});

import { describe, expect, it } from 'vitest';
import { cleanse } from '../cleansing/cleanse';
import { cleanName } from '../cleansing/name';
import { simulatePeople } from '../simulate/people';
import { toSourceRecord } from '../simulate/sources';
import { unify } from './unify';

const today = '2026-12-15';

describe('unify on simulated people, grouped by the ground truth', () => {
  it('the golden name, birth date and gender are the person’s own despite the noise', () => {
    let people = 0, names = 0, births = 0, withBirth = 0, genders = 0, withGender = 0;
    for (const p of simulatePeople({ seed: 11, people: 1500 })) {
      people++;
      const g = unify(p.records.map((r) => ({
        key: r.key, source: r.source, updatedAt: r.updatedAt, l1: cleanse(toSourceRecord(r), { today }), gender: r.source === 'OM' ? r.row.gender : null,
      })));
      expect(g.records).toHaveLength(p.records.length);
      if (g.name && cleanName(g.name.value).key === cleanName(p.surname + p.given).key) names++;
      if (g.birthDate) {
        withBirth++;
        if (g.birthDate.value === p.birthDate) births++;
      }
      if (g.gender) {
        withGender++;
        if (g.gender.value === p.gender) genders++;
      }
    }
    // what is left is a typo in the only record, or in the support desk's (it wins by priority)
    expect(names / people).toBeGreaterThan(0.95);
    expect(births / withBirth).toBeGreaterThan(0.99);
    expect(genders / withGender).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../catalogue/categories';
import { autoScenario, nativeRate, SCENARIOS, scenarioById, scenarioTimerMinutes } from './scenarios';

describe('scenarios', () => {
  it('has the baseline and the 20 scenarios in id order', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([...Array(21).keys()]);
    expect(scenarioById(2).name).toBe('남성 IT/게이밍 폭주');
    expect(() => scenarioById(21)).toThrow();
  });

  it('gives every category a weight by the rest rule', () => {
    for (const s of SCENARIOS) expect(Object.keys(s.categories).sort()).toEqual([...CATEGORIES].sort());
    // scenario 2 names 55 of 100: the other 16 share 45
    expect(scenarioById(2).categories['골프']).toBeCloseTo(45 / 16);
    expect(scenarioById(2).categories['IT/게이밍']).toBe(35);
    expect(scenarioById(0).categories['골프']).toBe(2);
    expect(scenarioById(20).categories['숙박']).toBe(5.3);
    // 16 names 98: the rest would get 0.14, the floor is 0.5
    expect(scenarioById(16).categories['골프']).toBe(0.5);
  });

  it('times a manual scenario at about 10,000 carts of its own rate', () => {
    expect(scenarioTimerMinutes(19)).toBe(36);
    expect(scenarioTimerMinutes(3)).toBe(Math.max(1, Math.round(10_000 / nativeRate(scenarioById(3)) / 60)));
    for (let id = 1; id <= 20; id++) if (id !== 19 && id !== 9) expect(scenarioTimerMinutes(id)).toBeLessThanOrEqual(4);
  });

  it('picks the automatic scenario by hour', () => {
    expect([0, 3, 5, 6, 12, 20, 21, 23].map(autoScenario)).toEqual([19, 19, 19, 0, 0, 0, 17, 17]);
  });
});

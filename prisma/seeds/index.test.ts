import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_STEPS } from './index';

describe('the seed', () => {
  it('runs every prisma/seeds/NN-name.ts, in name order', () => {
    const files = fs.readdirSync(import.meta.dirname).filter((f) => /^\d+-.+\.ts$/.test(f) && !f.endsWith('.test.ts')).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(Object.keys(SEED_STEPS)).toEqual(files.map((f) => f.slice(0, -3)));
    for (const step of Object.values(SEED_STEPS)) expect(typeof step).toBe('function');
  });
});

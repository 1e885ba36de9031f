// Issue 8, item 2: the shop generator and the attributor together. The generator records which purchases a
// promotion click brought about (COMMERCE_GROUND_TRUTH=1); every one of them must come out promotion-affected,
// attributed to a click, and many other purchases must not be affected at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogue } from '@/lib/commerce/catalogue/seed-catalogue';
import { setGeneratorControl, switchScenario } from '@/lib/commerce/generator/control';
import { db } from '@/lib/platform/db';
import seedPromotions from '@/prisma/seeds/50-promotions';
import { spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const running: WorkerProcess[] = [];
const env = { ...process.env };

beforeAll(async () => {
  await seedCatalogue(db, { users: 2_000, products: 3_000 }); // nothing if another test left shop rows
  await seedPromotions(db as never);
  await setGeneratorControl(db, { running: true, rate: null });
  await switchScenario(db, { id: 0 });
});
afterAll(async () => {
  Object.assign(process.env, { COMMERCE_RATE: env.COMMERCE_RATE, COMMERCE_GROUND_TRUTH: env.COMMERCE_GROUND_TRUTH });
  await Promise.all(running.map((w) => w.stop()));
});

describe('the generator and the attributor', () => {
  it('every purchase a click brought about is decided affected, by a click; most of the others are not affected', async () => {
    Object.assign(process.env, { COMMERCE_RATE: '40', COMMERCE_GROUND_TRUTH: '1' });
    const attributor = spawnWorker('promotions-attributor');
    running.push(attributor);
    await attributor.ready;
    const started = new Date();
    const generator = spawnWorker('commerce-generator');
    running.push(generator);
    await generator.ready;
    await new Promise((r) => setTimeout(r, 25_000)); // clicks need 5 s to 4 min to bring a buyer back
    await generator.stop();
    const truth = await db.promoGroundTruth.findMany({ where: { clickAt: { gte: started } } });
    expect(truth.length).toBeGreaterThan(5);
    const ids = truth.map((t) => t.purchaseId);
    await waitFor(async () => (await db.attributionDecision.count({ where: { purchaseId: { in: ids } } })) === ids.length, 20_000, 'the click-driven purchases decided');
    const decided = await db.attributionDecision.findMany({ where: { purchaseId: { in: ids } }, select: { purchaseId: true, affect: true, action: true } });
    expect(decided.filter((d) => d.affect !== 1 || d.action !== 'click')).toEqual([]);
    // the rest of the shop's purchases in the same time: far from all of them follow a view or click
    const all = await db.attributionDecision.groupBy({ by: ['affect'], where: { purchasedAt: { gte: started } }, _count: true });
    const count = (a: number) => all.find((g) => g.affect === a)?._count ?? 0;
    expect(count(0)).toBeGreaterThan(0);
    expect(count(1)).toBeGreaterThanOrEqual(truth.length);
  }, 90_000);
});

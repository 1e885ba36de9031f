// Item 10: the history run on a simulated clock — carts land on their simulated days through the sinks' and
// projection's own functions, the first week draws from the 1000 users with the lowest random seed, a second
// run for the same year refuses and writes nothing, and --replace never doubles the data.
import { beforeAll, describe, expect, it } from 'vitest';
import { HistoryExistsError, ordersInYear, runHistory } from '@/lib/commerce/history/run-history';
import { db } from '@/lib/platform/db';
import { newProductId, newUserId, product, user } from './shop-events';
import { writeProducts } from '@/lib/commerce/sinks/products';
import { writeUsers } from '@/lib/commerce/sinks/users';

const YEAR = 2019; // a year no other test writes
const DAYS = 10;

beforeAll(async () => {
  // a catalogue of our own when the database has none (the users' sign-up dates before the year)
  if (!(await db.shopUser.count())) {
    await db.$transaction(async (tx) => {
      await writeUsers(tx, Array.from({ length: 1500 }, (_, i) => user(newUserId(), { createdAt: '2018-01-01T00:00:00Z', randomSeed: i / 1500 })));
      await writeProducts(tx, Array.from({ length: 400 }, () => product(newProductId())));
    });
  }
});

describe('npm run history', () => {
  it('writes the planned days on the simulated clock, refuses a second run, and replaces without doubling', async () => {
    const first = await runHistory(db, { year: YEAR, days: DAYS, seed: 7 });
    expect(first.carts).toBeGreaterThan(500); // January: 3,000 / 31 x ~0.75 x ~1.05 a day
    expect(first.lines / first.carts).toBeGreaterThan(2.5);
    expect(await ordersInYear(db, YEAR)).toBe(first.carts);
    const range = await db.shopOrder.aggregate({ where: { orderedAt: { gte: new Date('2018-12-31T15:00:00Z'), lt: new Date('2019-12-31T15:00:00Z') } }, _min: { orderedAt: true }, _max: { orderedAt: true } });
    expect(range._min.orderedAt!.getTime()).toBeGreaterThanOrEqual(Date.parse('2018-12-31T15:00:00Z')); // 1 Jan 00:00 Korea time
    expect(range._max.orderedAt!.getTime()).toBeLessThan(Date.parse(`2019-01-${DAYS + 1}T00:00:00+09:00`));
    // the read models saw the same carts
    const days = await db.commerceDay.aggregate({ where: { day: { gte: new Date('2019-01-01'), lt: new Date('2019-01-11') } }, _sum: { carts: true, lines: true } });
    expect(days._sum).toEqual({ carts: first.carts, lines: first.lines });
    // the first week's buyers are among the 1000 users with the lowest random seed
    const firstWeekBuyers = await db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT o."userId")::int AS n FROM "ShopOrder" o
      WHERE o."orderedAt" < ${new Date('2019-01-08T00:00:00+09:00')} AND o."orderedAt" >= ${new Date('2019-01-01T00:00:00+09:00')}
        AND o."userId" NOT IN (SELECT id FROM "ShopUser" ORDER BY "randomSeed" LIMIT 1000)`;
    expect(firstWeekBuyers[0]!.n).toBe(0);

    await expect(runHistory(db, { year: YEAR, days: DAYS })).rejects.toBeInstanceOf(HistoryExistsError);
    expect(await ordersInYear(db, YEAR)).toBe(first.carts);

    const again = await runHistory(db, { year: YEAR, days: DAYS, seed: 7, replace: true });
    expect(again.replaced).toBe(first.carts);
    expect(await ordersInYear(db, YEAR)).toBe(again.carts);
    const daysAgain = await db.commerceDay.aggregate({ where: { day: { gte: new Date('2019-01-01'), lt: new Date('2019-01-11') } }, _sum: { carts: true } });
    expect(daysAgain._sum.carts).toBe(again.carts);
    // --replace recounts the all-time totals from the orders that remain, then the run adds its own:
    // the totals agree with the orders table (other test files' rows included)
    const totalsAfter = await db.commerceTotals.findUniqueOrThrow({ where: { id: 1 } });
    expect(totalsAfter.orders).toBe(await db.shopOrder.count());
  });
});

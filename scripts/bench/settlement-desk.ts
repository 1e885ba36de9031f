// `npm run bench:settlement-desk`: the settlement desk's reads with a million settlement bases. Starts its own
// PostgreSQL and Kafka (.data/bench-settlement-desk, PG 54419, Kafka 19812/19813), writes 1,000,000 bases over the
// last 7 Korea days for 104 merchants (95 % settled, the rest spread over the other classifications) and read
// models that agree with them (statistics, payout calendar, day counts, batches, cursors, rules), then times every
// query a desk page awaits (lib/settlement/desk, rules, registry): BENCH_RUNS (7) runs after a warm-up, median and
// max per query, with a calibration line from the same run. BENCH_BASES changes the count.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../stack/config';
import { freshDatabase } from '../stack/fresh-database';
import { startStack } from '../stack/index';
import { calibrate, formatCalibration, median } from './calibration';

const BASES = Number(process.env.BENCH_BASES || 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS || 7);
const PG_PORT = Number(process.env.BENCH_PG_PORT || 54419);
const KAFKA_PORT = Number(process.env.BENCH_KAFKA_PORT || 19812);
const MERCHANTS = 104;
const dataDir = path.join(REPO_ROOT, '.data', 'bench-settlement-desk');
const n = (x: number) => Math.round(x).toLocaleString('en-US');

async function fill(db: pg.Client) {
  const t0 = Date.now();
  await db.query(`INSERT INTO "Merchant" (number, name, "updatedAt")
    SELECT 'merchant-' || lpad(g::text, 4, '0'), '벤치 가맹점 ' || g, now() FROM generate_series(1, ${MERCHANTS}) g`);
  await db.query(`INSERT INTO "PayoutRule" (id, "merchantNumber", method, action, "effectiveFrom", "feeRateBp", "payoutDays")
    SELECT gen_random_uuid(), 'merchant-' || lpad(g::text, 4, '0'), m, a, '2020-01-01', 250, 2
    FROM generate_series(1, ${MERCHANTS}) g, unnest(ARRAY['CARD', 'PAY', 'MONEY']) m, unnest(ARRAY['PAYMENT', 'CANCEL', 'PARTIAL_CANCEL', 'FULL_CANCEL']) a`);
  // the bases: day d (0 = today, Korea) of 7, merchant by offset, 95 % settled; a cancellation in 30 is negative
  await db.query(`INSERT INTO "SettlementBase" (partition, "offset", "paymentId", action, status, method, channel, "merchantNumber", "paymentDate",
      "approvalDay", classification, reason, "ruleId", amount, fee, vat, payout, "payoutDay", "batchSeq")
    SELECT g % 6, g, 'BENCH-' || g, CASE WHEN g % 30 = 0 THEN 'PARTIAL_CANCEL' ELSE 'PAYMENT' END, 'APPROVED',
      (ARRAY['CARD', 'CARD', 'PAY', 'MONEY'])[1 + g % 4], 'ONLINE', 'merchant-' || lpad((1 + g % ${MERCHANTS})::text, 4, '0'),
      (now() AT TIME ZONE 'Asia/Seoul')::date - (g % 7) + interval '9 hours' - interval '9 hours',
      to_char((now() AT TIME ZONE 'Asia/Seoul')::date - (g % 7), 'YYYY-MM-DD'),
      CASE WHEN g % 100 < 95 THEN 'settled' WHEN g % 100 < 96 THEN 'duplicate' WHEN g % 100 < 97 THEN 'test' WHEN g % 100 < 98 THEN 'non-settlement'
        WHEN g % 100 < 99 THEN 'network-cancelled' ELSE 'unconfirmed-expired' END,
      NULL, NULL, v.amount, CASE WHEN g % 100 < 95 THEN v.fee ELSE 0 END, CASE WHEN g % 100 < 95 THEN round(v.fee / 10.0) ELSE 0 END,
      CASE WHEN g % 100 < 95 THEN v.amount - v.fee - round(v.fee / 10.0) ELSE 0 END,
      CASE WHEN g % 100 < 95 THEN to_char((now() AT TIME ZONE 'Asia/Seoul')::date - (g % 7) + 2, 'YYYY-MM-DD') END, (g / 10000)::int
    FROM generate_series(1, ${BASES}) g,
      LATERAL (SELECT CASE WHEN g % 30 = 0 THEN -1 ELSE 1 END * (1000 * (1 + g % 300)) AS amount) a,
      LATERAL (SELECT a.amount, round(a.amount * 0.025) AS fee) v`);
  await db.query(`INSERT INTO "SettlementStatistic" ("approvalDay", "merchantNumber", action, method, count, amount, fee, vat, payout, version)
    SELECT "approvalDay", "merchantNumber", action, method, count(*), sum(amount), sum(fee), sum(vat), sum(payout), 1
    FROM "SettlementBase" WHERE classification = 'settled' GROUP BY 1, 2, 3, 4`);
  await db.query(`INSERT INTO "SettlementPayout" ("payoutDay", "merchantNumber", count, amount, fee, vat, payout)
    SELECT "payoutDay", "merchantNumber", count(*), sum(amount), sum(fee), sum(vat), sum(payout) FROM "SettlementBase" WHERE classification = 'settled' GROUP BY 1, 2`);
  await db.query(`INSERT INTO "SettlementDayCount" ("approvalDay", classification, partition, count)
    SELECT "approvalDay", classification, partition, count(*) FROM "SettlementBase" GROUP BY 1, 2, 3`);
  await db.query(`INSERT INTO "SettlementBatch" (partition, seq, received, settled, "closedAt")
    SELECT partition, "batchSeq", count(*), count(*) FILTER (WHERE classification = 'settled'), now() FROM "SettlementBase" GROUP BY 1, 2`);
  await db.query(`INSERT INTO "SettlementCursor" (topic, partition, "nextOffset", "batchSeq") SELECT 'payment', p, ${BASES}, ${BASES / 10_000} FROM generate_series(0, 5) p`);
  await db.query('VACUUM ANALYZE');
  return (Date.now() - t0) / 1000;
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const stack = await startStack({ dataDir, pgPort: PG_PORT, kafkaPort: KAFKA_PORT, kafkaControllerPort: KAFKA_PORT + 1, topics: [], log: () => {} });
  try {
    const calibration = formatCalibration(await calibrate({ databaseUrl: stack.databaseUrl }));
    console.log(calibration);
    const databaseUrl = await freshDatabase(stack.databaseUrl, 'bench_settlement_desk');
    const { migrateDeploy } = await import('../migrate');
    await migrateDeploy(databaseUrl);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    console.log(`filled ${n(BASES)} bases and their read models in ${(await fill(db)).toFixed(1)} s`);
    // the desk's modules read DATABASE_URL when first imported
    process.env.DATABASE_URL = databaseUrl;
    const desk = await import('../../lib/settlement/desk/queries');
    const { getReconciliation, reconcileDay } = await import('../../lib/settlement/desk/reconciliation');
    const { getPayoutCalendar } = await import('../../lib/settlement/desk/payout-calendar');
    const { getWorkerProgress, getBatches } = await import('../../lib/settlement/desk/progress');
    const { listRules } = await import('../../lib/settlement/rules/queries');
    const { listMerchants } = await import('../../lib/settlement/registry/queries');
    const { kstDay } = await import('../../lib/settlement/calendar/business-days');
    const today = kstDay(new Date());
    const queries: [string, () => Promise<unknown>][] = [
      ['overview: day counts', () => desk.getDayCounts(today)],
      ['overview: batches', () => getBatches()],
      ['overview: worker progress', () => getWorkerProgress()],
      ['daily statistics (all merchants)', () => desk.getDailyStatistics(today)],
      ['drill-down: a merchant-day, first page', () => desk.getBases({ day: today, merchantNumber: 'merchant-0042' })],
      ['drill-down: settled only', () => desk.getBases({ day: today, merchantNumber: 'merchant-0042', classification: 'settled' })],
      ['payout calendar (14 days)', () => getPayoutCalendar()],
      ['rules', () => listRules()],
      ['merchants', () => listMerchants()],
      ['reconciliation: one day', () => reconcileDay(today)],
      ['reconciliation: 7 days', () => getReconciliation()],
    ];
    console.log(`${BASES / 7 | 0} bases a day; ${RUNS} runs after a warm-up, ms (median / max):`);
    for (const [name, q] of queries) {
      await q();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await q();
        times.push(performance.now() - t);
      }
      console.log(`  ${name.padEnd(40)} ${median(times).toFixed(1).padStart(7)} / ${Math.max(...times).toFixed(1)}`);
    }
    if (process.env.BENCH_EXPLAIN) {
      for (const sql of [
        `SELECT "partition", "offset", "paymentId", amount FROM "SettlementBase" WHERE "approvalDay" = '${today}' AND "merchantNumber" = 'merchant-0042' AND "batchSeq" >= 0 ORDER BY "partition", "offset" LIMIT 51`,
        `SELECT classification, count(*)::int AS n FROM "SettlementBase" WHERE "approvalDay" = '${today}' AND "merchantNumber" = 'merchant-0042' AND "batchSeq" >= 0 GROUP BY 1`,
      ]) console.log((await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    const rec = await getReconciliation();
    console.log(`reconciliation: ${rec.filter((d) => d.differs.length > 0).length} of ${rec.length} days differ (expected 0)`);
    await db.end();
    console.log(calibration);
  } finally {
    await stack.stop();
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(`✗ ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});

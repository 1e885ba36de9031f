// Settlement (seed 004): payments on `payment` -> one settlement base per payment event with its classification
// -> statistics per approval day x merchant x action x method, upserted and published on `payment-statistics`,
// exactly once (lib/settlement/worker/settler.ts). Replicas share the partitions.
//   SETTLEMENT_DEFAULT_FEE_BP      fee of the default rule, in basis points (default 300 = 3 %)
//   SETTLEMENT_DEFAULT_PAYOUT_DAYS payout of the default rule, in business days (default 3)
//   UNCONFIRMED_EXPIRY_HOURS       event time after which an unconfirmed approval is excluded (default 24)
import { runStreamWorker } from '../lib/platform/workers/run-stream-worker';
import { startSettler } from '../lib/settlement/worker/settler';

const num = (name: string, fallback: number, ok: (n: number) => boolean) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(n) || !ok(n)) throw new Error(`${name} must be ${name.endsWith('_BP') ? 'basis points 0-10000' : 'a positive number'}, not "${raw}"`);
  return n;
};
const feeRateBp = num('SETTLEMENT_DEFAULT_FEE_BP', 300, (n) => Number.isInteger(n) && n >= 0 && n <= 10_000);
const payoutDays = num('SETTLEMENT_DEFAULT_PAYOUT_DAYS', 3, (n) => Number.isInteger(n) && n >= 0 && n <= 60);
const expiryHours = num('UNCONFIRMED_EXPIRY_HOURS', 24, (n) => n > 0);

await runStreamWorker({
  name: 'settlement-worker', dbConnections: 8, details: { expiryHours },
  readyDetail: `default rule ${feeRateBp} bp D+${payoutDays}, unconfirmed expire after ${expiryHours} h`,
  start: ({ kafka, db, producer, groupId, log, onProgress, beforeRun }) => startSettler({
    kafka, db, producer, groupId, expiryMs: expiryHours * 3_600_000, defaultRule: { id: 'default', feeRateBp, payoutDays }, log, onProgress, beforeRun,
  }),
});

// Promotion attribution (seed 001): purchases joined to promotion views and clicks within 5 minutes in event
// time, published to purchase.attributed and, masked, to `promotion` (lib/promotions/attribution/attributor.ts).
// Replicas share the partitions (partition i of both inputs together). ATTRIBUTION_GRACE_MS: how long a purchase
// with no behaviour yet waits for a late one (default 1000).
import { runStreamWorker } from '../lib/platform/workers/run-stream-worker';
import { startAttributor } from '../lib/promotions/attribution/attributor';

const graceMs = Number(process.env.ATTRIBUTION_GRACE_MS ?? 1000);
if (!Number.isFinite(graceMs) || graceMs < 0) throw new Error(`ATTRIBUTION_GRACE_MS must be a number of milliseconds, not "${process.env.ATTRIBUTION_GRACE_MS}"`);

await runStreamWorker({
  name: 'promotions-attributor', dbConnections: 4, readyDetail: `grace ${graceMs} ms`, details: { graceMs },
  start: ({ kafka, db, producer, groupId, log, onProgress, onFatal, beforeRun }) =>
    startAttributor({ kafka, db, producer, groupId, graceMs, log, onProgress, onFatal, beforeRun }),
});

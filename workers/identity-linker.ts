// Customer 360 (seed 000): the three sources' changes, streamed by Debezium, -> L1 cleansing -> union -> link (the
// ruleset, lib/identity/linking/default-ruleset.json) -> unify -> L2 profiles (IdentityProfile and the compacted
// `customer360.profiles` topic, through the outbox). lib/identity/worker/linker.ts.
//   IDENTITY_BATCH   changes per transaction at most (default 2,000)
//   IDENTITY_TRACE   1: log every 10 s where the transactions' time went (ms per phase)
import { startLinker } from '../lib/identity/worker/linker';
import { runStreamWorker } from '../lib/platform/workers/run-stream-worker';

await runStreamWorker({
  name: 'identity-linker',
  start: ({ kafka, producer, groupId, log, onProgress, beforeRun }) => startLinker({ kafka, producer, groupId, log, onProgress, beforeRun }),
});

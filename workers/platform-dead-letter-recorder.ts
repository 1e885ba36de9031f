// Records every message on the dead-letter topic as a DeadLetter row, for the
// staff page. Reads the topic raw: its messages are, by definition, the ones
// that did not decode as domain events.
import { deadLetterFromMessage } from '../lib/platform/dead-letters/from-message';
import { recordDeadLetter } from '../lib/platform/dead-letters/record';
import { TOPICS } from '../lib/platform/events/topics';
import { runRawWorker } from '../lib/platform/workers/run-raw-worker';

await runRawWorker({
  name: 'platform-dead-letter-recorder',
  topics: [TOPICS.deadLetter],
  onMessage: async (src, db) => {
    const row = deadLetterFromMessage(src);
    if (await recordDeadLetter(db, row)) {
      console.log(`[platform-dead-letter-recorder] ${row.sourceTopic}/${row.partition}@${row.offset} from ${row.consumer}: ${row.reason.slice(0, 200)}`);
    }
  },
});

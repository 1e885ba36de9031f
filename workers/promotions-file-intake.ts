// Seed 001's log-file way in: JSON-lines files of purchases and promotion views/clicks dropped into
// <INGEST_DIR>/purchase/ or <INGEST_DIR>/promo_behavior/ are published to `purchase` / `promo_behavior`, each file
// once (lib/promotions/intake/ingest-dir.ts). INGEST_DIR: npm start sets <data dir>/ingest; default ./ingest.
import fs from 'node:fs';
import path from 'node:path';
import { createDb } from '../lib/platform/db';
import { TOPIC_PREFIX } from '../lib/platform/events/topics';
import { createKafka } from '../lib/platform/kafka/client';
import { startHeartbeat } from '../lib/platform/workers/heartbeat';
import { workerLifecycle } from '../lib/platform/workers/lifecycle';
import { ingestFile, INTAKE_KINDS, readyFiles } from '../lib/promotions/intake/ingest-dir';

const NAME = 'promotions-file-intake';
const life = workerLifecycle(NAME);
const dir = path.resolve(process.env.INGEST_DIR || 'ingest');
for (const kind of INTAKE_KINDS) fs.mkdirSync(path.join(dir, kind), { recursive: true });

const db = createDb(undefined, 2);
life.onShutdown(() => db.$disconnect());
const stats = { dir, files: 0, accepted: 0, rejected: 0, lastFile: null as string | null, lastError: null as string | null };
const heartbeat = startHeartbeat({ db, worker: NAME, details: () => ({ ...stats }) });
life.onShutdown(() => heartbeat.stop());
const producer = createKafka(NAME).producer({ allowAutoTopicCreation: false });
await producer.connect();
life.onShutdown(() => producer.disconnect());

let running = true;
let wake = () => {};
const loop = (async () => {
  while (running) {
    try {
      for (const { kind, file } of readyFiles(dir)) {
        if (!running) break;
        const r = await ingestFile({ db, producer, consumer: `${TOPIC_PREFIX}${NAME}`, kind, file });
        Object.assign(stats, { files: stats.files + 1, accepted: stats.accepted + r.accepted, rejected: stats.rejected + r.rejected, lastFile: r.name, lastError: null });
        console.log(`[${NAME}] ${r.name}: ${r.lines} lines, ${r.accepted} published, ${r.rejected} to the dead-letter topic${r.resumedAt ? ` (resumed after line ${r.resumedAt})` : ''}`);
      }
    } catch (e) {
      stats.lastError = (e as Error).message;
      console.error(`[${NAME}] ${(e as Error).message}; will retry`);
    }
    await new Promise<void>((r) => { const t = setTimeout(r, 1_000); wake = () => { clearTimeout(t); r(); }; });
  }
})();
// Registered last, so it runs first: the file in hand is finished up to its chunk before the connections close.
life.onShutdown(async () => { running = false; wake(); await loop; });
heartbeat.setStatus('running');
void heartbeat.beat();
console.log(`[${NAME}] ready, watching ${dir}/{${INTAKE_KINDS.join(',')}}/*.jsonl`);

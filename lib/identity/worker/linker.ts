/**
 * The identity linker: Debezium's change events of the three sources -> L1 -> union -> link -> unify -> L2, one
 * transaction per fetched batch (lib/identity/store/apply.ts). Its place in each CDC partition (IdentityCursor) is
 * written in that transaction, and messages at or before it are skipped: a batch redelivered after a crash
 * (SIGKILL between the commit and Kafka's offset commit) changes nothing twice.
 *
 * Malformed messages go to the dead-letter topic with their reason; the linker carries on. A batch that fails for
 * another reason (PostgreSQL down) throws, and kafkajs fetches it again.
 */
import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import pg from 'pg';
import { config } from '../../platform/config';
import { TOPICS } from '../../platform/events/topics';
import { sendToDeadLetter } from '../../platform/kafka/dead-letter';
import { poisonReason } from '../../platform/kafka/poison';
import { decodeCdcMessage } from '../cdc/decode';
import { applyBatch, type BatchResult, type StoreChange } from '../store/apply';
import type { Ruleset } from '../linking/ruleset';

export const CDC_TOPICS = [TOPICS.cdcDiCustomer, TOPICS.cdcDiConsultationContact, TOPICS.cdcOmUsers, TOPICS.cdcCxContact];

export interface LinkerOptions {
  kafka: Kafka;
  producer: Producer;
  groupId: string;
  databaseUrl?: string;
  ruleset?: Ruleset;
  /** changes per transaction at most (IDENTITY_BATCH, default 2,000) */
  batchSize?: number;
  log?: (line: string) => void;
  onProgress?: (p: { topic: string; partition: number; offset: string; highWatermark: string }) => void;
  beforeRun?: (consumer: Consumer) => void;
}

export interface Linker {
  counters: { changes: number; batches: number; deadLettered: number; skipped: number; events: number; profilesWritten: number; largestNeighbourhood: number };
  stop(): Promise<void>;
}

export async function startLinker(o: LinkerOptions): Promise<Linker> {
  const log = o.log ?? ((l: string) => console.log(l));
  const batchSize = o.batchSize ?? (Number(process.env.IDENTITY_BATCH) || 2_000);
  const counters = { changes: 0, batches: 0, deadLettered: 0, skipped: 0, events: 0, profilesWritten: 0, largestNeighbourhood: 0 };
  const pool = new pg.Pool({ connectionString: o.databaseUrl ?? config().DATABASE_URL, max: 2, application_name: o.groupId });
  pool.on('error', (e) => log(`an idle PostgreSQL connection failed: ${e.message}`));
  const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

  /** One chunk of one partition in one transaction, from past the stored cursor. */
  async function applyChunk(topic: string, partition: number, items: { offset: string; change: StoreChange | null }[]): Promise<BatchResult | null> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const stored = (await client.query<{ offset: string }>(`SELECT "offset"::text FROM "IdentityCursor" WHERE topic = $1 AND partition = $2 FOR UPDATE`, [topic, partition])).rows[0];
      const fresh = stored ? items.filter((i) => BigInt(i.offset) > BigInt(stored.offset)) : items;
      counters.skipped += items.length - fresh.length;
      if (fresh.length === 0) { await client.query('ROLLBACK'); return null; }
      const changes = fresh.flatMap((i) => (i.change ? [i.change] : []));
      const result = changes.length ? await applyBatch(client, changes, { ruleset: o.ruleset, profilesTopic: TOPICS.customer360Profiles }) : null;
      await client.query(`INSERT INTO "IdentityCursor" (topic, partition, "offset", "updatedAt") VALUES ($1, $2, $3, now())
        ON CONFLICT (topic, partition) DO UPDATE SET "offset" = EXCLUDED."offset", "updatedAt" = now()`, [topic, partition, fresh.at(-1)!.offset]);
      await client.query('COMMIT');
      counters.changes += changes.length;
      counters.batches++;
      if (result) {
        counters.events += result.events.length;
        counters.profilesWritten += result.written.length;
        counters.largestNeighbourhood = Math.max(counters.largestNeighbourhood, result.neighbourhood);
        if (result.drift) log(`${topic}[${partition}]: ${result.drift} groups differed from what was stored (a ruleset change?) and were regrouped`);
      }
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  const consumer = o.kafka.consumer({ groupId: o.groupId, sessionTimeout: 10_000, heartbeatInterval: 2_000, maxWaitTimeInMs: 100, maxBytesPerPartition: 2 * 1024 * 1024 });
  await consumer.connect();
  for (const topic of CDC_TOPICS) await consumer.subscribe({ topic, fromBeginning: true });
  o.beforeRun?.(consumer);
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }: EachBatchPayload) => {
      const { topic, partition } = batch;
      for (let i = 0; i < batch.messages.length && isRunning() && !isStale(); i += batchSize) {
        const slice = batch.messages.slice(i, i + batchSize);
        const items: { offset: string; change: StoreChange | null }[] = [];
        for (const message of slice) {
          try {
            items.push({ offset: message.offset, change: decodeCdcMessage(message, { today: today() }) });
          } catch (e) {
            const reason = poisonReason(e);
            if (reason === null) throw e;
            await sendToDeadLetter(o.producer, { consumer: o.groupId, topic, partition, message }, reason);
            counters.deadLettered++;
            log(`${topic}[${partition}] offset ${message.offset} to the dead-letter topic: ${reason}`);
            items.push({ offset: message.offset, change: null });
          }
        }
        await applyChunk(topic, partition, items);
        const last = slice.at(-1)!.offset;
        resolveOffset(last);
        o.onProgress?.({ topic, partition, offset: last, highWatermark: batch.highWatermark });
        await commitOffsetsIfNecessary();
        await heartbeat();
      }
    },
  });

  return {
    counters,
    async stop() {
      await consumer.disconnect();
      await pool.end();
    },
  };
}

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
import { groupCommit } from '../../platform/kafka/group-commit';
import { poisonReason } from '../../platform/kafka/poison';
import { decodeCdcMessage } from '../cdc/decode';
import { applyChanges, warmUp, type BatchResult, type StoreChange } from '../store/apply';
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
  // after a ruleset change: evaluate every pair of each batch's neighbourhood by the new rules, not the stored links
  const relink = process.env.IDENTITY_RELINK === '1';
  const counters = { changes: 0, batches: 0, deadLettered: 0, skipped: 0, events: 0, profilesWritten: 0, largestNeighbourhood: 0 };
  const pool = new pg.Pool({ connectionString: o.databaseUrl ?? config().DATABASE_URL, max: 2, application_name: o.groupId });
  pool.on('error', (e) => log(`an idle PostgreSQL connection failed: ${e.message}`));
  const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  // IDENTITY_TRACE=1: where a transaction's time goes (ms per phase, summed), logged every 10 s while changes come
  const trace: Record<string, number> | undefined = process.env.IDENTITY_TRACE === '1' ? {} : undefined;
  let traced = { batches: 0, changes: 0, at: Date.now() };
  const traceLine = () => {
    if (!trace || !traced.batches || Date.now() - traced.at < 10_000) return;
    const per = Object.entries(trace).map(([k, v]) => `${k} ${(v / traced.batches).toFixed(0)}`).join(', ');
    log(`trace: ${traced.batches} transactions, ${traced.changes} changes in ${((Date.now() - traced.at) / 1000).toFixed(0)} s; ms per transaction: ${per}`);
    for (const k of Object.keys(trace)) delete trace[k];
    traced = { batches: 0, changes: 0, at: Date.now() };
  };
  const timed = async <T>(phase: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try { return await f(); } finally { if (trace) trace[phase] = (trace[phase] ?? 0) + performance.now() - t; }
  };

  interface Item { topic: string; partition: number; offset: string; change: StoreChange | null }
  /**
   * The items of every partition handed over at about the same time, in one transaction (groupCommit): 12 CDC
   * partitions each with a few changes would otherwise be 12 transactions in a row, each restoring its neighbourhood.
   * Per partition, what is at or before its stored cursor is skipped.
   */
  async function applyItems(items: Item[]): Promise<void> {
    for (let i = 0; i < items.length; i += batchSize) await applyChunk(items.slice(i, i + batchSize));
  }
  async function applyChunk(items: Item[]): Promise<BatchResult | null> {
    const client = await timed('connect', () => pool.connect());
    try {
      await client.query('BEGIN');
      const parts = [...new Set(items.map((i) => `${i.topic}\u0000${i.partition}`))].map((k) => k.split('\u0000'));
      const stored = new Map((await client.query<{ topic: string; partition: number; offset: string }>(
        `SELECT topic, partition, "offset"::text FROM "IdentityCursor" WHERE (topic, partition) IN (SELECT * FROM unnest($1::text[], $2::int[])) FOR UPDATE`,
        [parts.map((p) => p[0]), parts.map((p) => Number(p[1]))])).rows.map((r) => [`${r.topic}\u0000${r.partition}`, BigInt(r.offset)]));
      const fresh = items.filter((i) => { const at = stored.get(`${i.topic}\u0000${i.partition}`); return at === undefined || BigInt(i.offset) > at; });
      counters.skipped += items.length - fresh.length;
      if (fresh.length === 0) { await client.query('ROLLBACK'); return null; }
      const changes = fresh.flatMap((i) => (i.change ? [i.change] : []));
      const result = changes.length ? await applyChanges(client, changes, { ruleset: o.ruleset, profilesTopic: TOPICS.customer360Profiles, relink, trace }) : null;
      const last = new Map<string, Item>();
      for (const i of fresh) last.set(`${i.topic}\u0000${i.partition}`, i);
      const ends = [...last.values()];
      await client.query(`INSERT INTO "IdentityCursor" (topic, partition, "offset", "updatedAt") SELECT t, p, o, now() FROM unnest($1::text[], $2::int[], $3::bigint[]) AS c(t, p, o)
        ON CONFLICT (topic, partition) DO UPDATE SET "offset" = EXCLUDED."offset", "updatedAt" = now()`, [ends.map((e) => e.topic), ends.map((e) => e.partition), ends.map((e) => e.offset)]);
      await timed('commit', () => client.query('COMMIT'));
      if (trace) { traced.batches++; traced.changes += changes.length; traceLine(); }
      counters.changes += changes.length;
      counters.batches++;
      if (result) {
        counters.events += result.events.length;
        counters.profilesWritten += result.written.length;
        counters.largestNeighbourhood = Math.max(counters.largestNeighbourhood, result.neighbourhood);
        if (result.drift) log(`${result.drift} groups differed from what was stored (a ruleset change?) and were regrouped`);
      }
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }
  const handOver = groupCommit(applyItems, 5);

  try {
    const t = performance.now();
    const w = await warmUp(pool, o.ruleset);
    if (w.records) log(`warmed up: ${w.records} stored records screened against ${w.candidates} candidates (${w.linked} linked) in ${Math.round(performance.now() - t)} ms`);
  } catch (e) {
    log(`warm-up skipped: ${(e as Error).message}`); // only a head start: the changes are applied either way
  }

  const consumer = o.kafka.consumer({ groupId: o.groupId, sessionTimeout: 10_000, heartbeatInterval: 2_000, maxWaitTimeInMs: 50, maxBytesPerPartition: 1024 * 1024 });
  await consumer.connect();
  for (const topic of CDC_TOPICS) await consumer.subscribe({ topic, fromBeginning: true });
  o.beforeRun?.(consumer);
  await consumer.run({
    eachBatchAutoResolve: false,
    // every partition's batch at once, so that groupCommit can put them in one transaction
    partitionsConsumedConcurrently: 16,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }: EachBatchPayload) => {
      const { topic, partition } = batch;
      for (let i = 0; i < batch.messages.length && isRunning() && !isStale(); i += batchSize) {
        const slice = batch.messages.slice(i, i + batchSize);
        const items: Item[] = [];
        for (const message of slice) {
          try {
            items.push({ topic, partition, offset: message.offset, change: decodeCdcMessage(message, { today: today() }) });
          } catch (e) {
            const reason = poisonReason(e);
            if (reason === null) throw e;
            await sendToDeadLetter(o.producer, { consumer: o.groupId, topic, partition, message }, reason);
            counters.deadLettered++;
            log(`${topic}[${partition}] offset ${message.offset} to the dead-letter topic: ${reason}`);
            items.push({ topic, partition, offset: message.offset, change: null });
          }
        }
        await handOver(items);
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

/**
 * The payout rules as every settlement worker holds them: the whole compacted `payout-rules` topic, read from its
 * beginning by each process (seed 004's GlobalKTable). The worker waits until it has read up to the end the topic
 * had at start before it settles anything, and keeps reading afterwards, so a rule saved on the desk reaches every
 * replica within a moment. Rules are effective-dated and the desk only accepts them from tomorrow on, so the time
 * one takes to arrive never changes how a payment is settled.
 */
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { envelopeSchema } from '../../platform/events/envelope';
import { payoutRuleRecord, ruleKey } from '../../platform/events/settlement';
import { RuleBook, type DatedRule } from '../payout/rules';

export interface RuleFeed {
  book(): RuleBook;
  size(): number;
  stop(): Promise<void>;
}

export async function startRuleFeed(kafka: Kafka, topic: string, prefix: string, log: (l: string) => void, timeoutMs = 30_000): Promise<RuleFeed> {
  const rules = new Map<string, DatedRule>();
  let book = new RuleBook([]);
  let dirty = false;
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.high)]));
  await admin.disconnect();
  const read = new Map<number, bigint>();
  const caughtUp = () => [...ends].every(([p, high]) => high === 0n || (read.get(p) ?? -1n) + 1n >= high);

  // A group of its own (never committed): each process reads the whole topic.
  const consumer = kafka.consumer({ groupId: `${prefix}settlement-rules-${randomUUID()}`, sessionTimeout: 10_000, heartbeatInterval: 2_000, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let ready!: () => void;
  const loaded = new Promise<void>((r) => { ready = r; });
  if (caughtUp()) ready();
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      read.set(partition, BigInt(message.offset));
      const key = message.key?.toString() ?? '';
      if (message.value === null) {
        if (rules.delete(key)) dirty = true;
      } else {
        try {
          const envelope = envelopeSchema.parse(JSON.parse(message.value.toString()));
          const r = payoutRuleRecord.parse(envelope.payload);
          rules.set(ruleKey(r), r);
          dirty = true;
        } catch (e) {
          log(`payout-rules offset ${message.offset}: not a payout rule, ignored: ${(e as Error).message.slice(0, 300)}`);
        }
      }
      if (caughtUp()) ready();
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`payout rules: ${topic} not read to its end within ${timeoutMs / 1000} s (read ${JSON.stringify(Object.fromEntries([...read].map(([p, o]) => [p, String(o)])))}, ends ${JSON.stringify(Object.fromEntries([...ends].map(([p, o]) => [p, String(o)])))})`)), timeoutMs);
  });
  try {
    await Promise.race([loaded, timeout]);
  } catch (e) {
    await consumer.disconnect();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  log(`payout rules: ${rules.size} loaded from ${topic}`);
  return {
    book: () => {
      if (dirty) { book = new RuleBook(rules.values()); dirty = false; }
      return book;
    },
    size: () => rules.size,
    stop: () => consumer.disconnect(),
  };
}

import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { TOPIC_PREFIX } from '@/lib/platform/events/topics';
import { waitFor } from '../helpers';

/**
 * Every message of a topic from its start, read by a fresh consumer group until `until` holds, and then `settleMs`
 * more (a repeat of a message would come later in its partition).
 */
export async function readTopic(kafka: Kafka, topic: string, until: (ms: KafkaMessage[]) => boolean, timeoutMs = 30_000, settleMs = 0): Promise<KafkaMessage[]> {
  const got: KafkaMessage[] = [];
  const consumer = kafka.consumer({ groupId: `${TOPIC_PREFIX}it-read-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => { got.push(message); } });
  try {
    await waitFor(async () => until(got), timeoutMs, `messages on ${topic}`);
    if (settleMs) await new Promise((r) => setTimeout(r, settleMs));
  } finally {
    await consumer.disconnect();
  }
  return got;
}

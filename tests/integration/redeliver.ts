import { db } from '@/lib/platform/db';
import { TOPIC_PREFIX } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { waitFor } from './helpers';

/**
 * Sends an already-published event again, unchanged (same event id, same key,
 * so the same partition), as a broker or relay redelivery would, and waits
 * until the worker's consumer group has committed past it: by then it has been
 * handled, one way or the other, and the test can check that it changed nothing.
 */
export async function redeliver(eventId: string, worker: string): Promise<void> {
  const row = await db.outboxEvent.findUniqueOrThrow({ where: { eventId } });
  const kafka = createKafka(`it-redeliver-${worker}`);
  const producer = kafka.producer();
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  try {
    const [sent] = await producer.send({ topic: row.topic, messages: [{ key: row.key, value: JSON.stringify(row.envelope) }] });
    await waitFor(async () => {
      const [offsets] = await admin.fetchOffsets({ groupId: `${TOPIC_PREFIX}${worker}`, topics: [row.topic] });
      const committed = offsets?.partitions.find((p) => p.partition === sent!.partition)?.offset ?? '-1';
      return BigInt(committed) > BigInt(sent!.baseOffset!);
    }, 30_000, `${worker} past the redelivered ${row.type}`);
  } finally {
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  }
}

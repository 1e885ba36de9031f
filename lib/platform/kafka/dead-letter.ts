import type { KafkaMessage, Producer } from 'kafkajs';
import { TOPICS } from '../events/topics';

export interface DeadLetterSource {
  consumer: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/**
 * Parks a message the consumer cannot process, unchanged, on the dead-letter
 * topic with the reason and its origin in headers, so nothing is lost and the
 * consumer can move past it.
 */
export async function sendToDeadLetter(producer: Producer, src: DeadLetterSource, reason: string): Promise<void> {
  await producer.send({
    topic: TOPICS.deadLetter,
    acks: -1,
    messages: [
      {
        key: src.message.key,
        value: src.message.value,
        headers: {
          ...src.message.headers,
          'dlq-reason': reason.slice(0, 2000),
          'dlq-consumer': src.consumer,
          'dlq-source-topic': src.topic,
          'dlq-source-partition': String(src.partition),
          'dlq-source-offset': src.message.offset,
          'dlq-at': new Date().toISOString(),
        },
      },
    ],
  });
}

import type { KafkaMessage } from 'kafkajs';

export interface DeadLetterRow {
  sourceTopic: string;
  consumer: string;
  partition: number;
  offset: string;
  reason: string;
  value: string | null;
}

/** Enough of the original message for staff to see what was wrong, not a copy of a huge one. */
const MAX_VALUE_CHARS = 4_000;

/** What a dead letter keeps of a value: all of a small one, the start of a large one, saying where the whole is if kept elsewhere. */
export function deadLetterValue(value: string | null, wholeIn?: string): string | null {
  if (value === null || value.length <= MAX_VALUE_CHARS) return value;
  return `${value.slice(0, MAX_VALUE_CHARS)}…${wholeIn ? ` (${value.length} characters; whole in ${wholeIn})` : ''}`;
}

const header = (m: KafkaMessage, name: string): string | undefined => {
  const v = m.headers?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
};

/**
 * Reads a dead-letter message as the consumer runner parks it (lib/kafka/dead-letter.ts):
 * the original value, with where it came from and why in dlq-* headers. A
 * message put there by anything else still gets a row, identified by its
 * position on the dead-letter topic itself, so nothing on that topic goes unseen.
 */
export function deadLetterFromMessage(src: { topic: string; partition: number; message: KafkaMessage }): DeadLetterRow {
  const m = src.message;
  const sourceTopic = header(m, 'dlq-source-topic');
  const partition = Number(header(m, 'dlq-source-partition'));
  const offset = header(m, 'dlq-source-offset');
  const known = sourceTopic !== undefined && Number.isInteger(partition) && offset !== undefined && /^\d+$/.test(offset);
  const value = m.value === null ? null : m.value.toString('utf8');
  return {
    sourceTopic: known ? sourceTopic : src.topic,
    consumer: header(m, 'dlq-consumer') ?? 'unknown',
    partition: known ? partition : src.partition,
    offset: known ? offset : m.offset,
    reason: header(m, 'dlq-reason') ?? (known ? 'no reason given' : 'not from a Switchboard consumer (no dlq-* headers)'),
    value: deadLetterValue(value),
  };
}

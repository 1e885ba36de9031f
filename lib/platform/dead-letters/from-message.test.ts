import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { deadLetterFromMessage } from './from-message';

const message = (headers: Record<string, string>, value: string | null = '{oops'): KafkaMessage =>
  ({ key: null, value: value === null ? null : Buffer.from(value), offset: '7', timestamp: '0', attributes: 0, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)])) }) as KafkaMessage;

describe('deadLetterFromMessage', () => {
  it('takes origin and reason from the dlq headers', () => {
    const row = deadLetterFromMessage({
      topic: 'switchboard.dead-letter',
      partition: 0,
      message: message({ 'dlq-reason': 'not JSON: Unexpected token', 'dlq-consumer': 'sales-alarm-worker', 'dlq-source-topic': 'sales.consultations', 'dlq-source-partition': '3', 'dlq-source-offset': '42' }),
    });
    expect(row).toEqual({ sourceTopic: 'sales.consultations', consumer: 'sales-alarm-worker', partition: 3, offset: '42', reason: 'not JSON: Unexpected token', value: '{oops' });
  });

  it('keys a foreign message by its own place on the dead-letter topic', () => {
    const row = deadLetterFromMessage({ topic: 'switchboard.dead-letter', partition: 0, message: message({}, null) });
    expect(row).toMatchObject({ sourceTopic: 'switchboard.dead-letter', partition: 0, offset: '7', consumer: 'unknown', value: null });
    expect(row.reason).toMatch(/no dlq-\* headers/);
  });

  it('cuts a huge value short', () => {
    const row = deadLetterFromMessage({ topic: 'd', partition: 0, message: message({}, 'x'.repeat(10_000)) });
    expect(row.value!.length).toBeLessThan(4_100);
  });
});

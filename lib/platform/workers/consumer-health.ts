import type { Consumer } from 'kafkajs';
import type { Heartbeat } from './heartbeat';

export interface Progress {
  topic: string;
  partition: number;
  offset: string;
  /** The partition's high watermark when the batch was fetched (next offset to be written). */
  highWatermark: string;
}

/**
 * What a consumer's heartbeat reports: its group, assigned partitions, the
 * last offset it finished per partition and the lag behind the high watermark
 * as of its last batch (free: kafkajs hands the watermark over with each batch).
 */
export class ConsumerHealth {
  private assigned: string[] = [];
  private readonly last = new Map<string, { offset: string; lag: number }>();
  private processed = 0;

  constructor(readonly groupId: string) {}

  track(consumer: Consumer, heartbeat: Heartbeat): void {
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.assigned = Object.entries(payload.memberAssignment).map(([t, p]) => `${t}[${p.join(',')}]`);
      // Partitions handed to another replica are no longer ours to report on.
      for (const key of [...this.last.keys()]) {
        const [topic, partition] = splitKey(key);
        if (!payload.memberAssignment[topic]?.includes(partition)) this.last.delete(key);
      }
      heartbeat.setStatus('running');
      void heartbeat.beat();
    });
    consumer.on(consumer.events.REBALANCING, () => heartbeat.setStatus('rebalancing'));
  }

  onProgress = (p: Progress): void => {
    this.processed += 1;
    const lag = Math.max(Number(BigInt(p.highWatermark) - BigInt(p.offset) - 1n), 0);
    this.last.set(`${p.topic}/${p.partition}`, { offset: p.offset, lag });
  };

  details = (): Record<string, unknown> => ({
    group: this.groupId,
    assigned: this.assigned,
    processed: this.processed,
    lag: [...this.last.values()].reduce((sum, p) => sum + p.lag, 0),
    lastOffsets: Object.fromEntries([...this.last].map(([k, v]) => [k, v.offset])),
  });
}

function splitKey(key: string): [string, number] {
  const i = key.lastIndexOf('/');
  return [key.slice(0, i), Number(key.slice(i + 1))];
}

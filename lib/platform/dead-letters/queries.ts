import { db } from '../db';
import type { DeadLetterRow } from './from-message';

export interface DeadLetterCount {
  sourceTopic: string;
  count: number;
  latestAt: string;
}

export interface DeadLetterEntry extends DeadLetterRow {
  id: string;
  createdAt: string;
}

export interface DeadLetterOverview {
  total: number;
  byTopic: DeadLetterCount[];
  latest: DeadLetterEntry[];
}

/** Dead-letter counts per source topic and the newest entries, for staff. */
export async function getDeadLetterOverview(limit = 50): Promise<DeadLetterOverview> {
  const [groups, latest] = await Promise.all([
    db.deadLetter.groupBy({ by: ['sourceTopic'], _count: { _all: true }, _max: { createdAt: true }, orderBy: { sourceTopic: 'asc' } }),
    db.deadLetter.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: Math.min(Math.max(limit, 1), 200) }),
  ]);
  return {
    total: groups.reduce((sum, g) => sum + g._count._all, 0),
    byTopic: groups.map((g) => ({ sourceTopic: g.sourceTopic, count: g._count._all, latestAt: g._max.createdAt!.toISOString() })),
    latest: latest.map((d) => ({
      id: d.id,
      sourceTopic: d.sourceTopic,
      consumer: d.consumer,
      partition: d.partition,
      offset: d.offset,
      reason: d.reason,
      value: d.value,
      createdAt: d.createdAt.toISOString(),
    })),
  };
}

import { AssignerProtocol } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { CoPartitionAssigner } from './co-partition-assigner';

const cluster = { findTopicPartitionMetadata: (t: string) => Array.from({ length: t === 'purchase' ? 6 : 6 }, (_, i) => ({ partitionId: i })) };
const plan = async (memberIds: string[]) => {
  const assigner = CoPartitionAssigner({ cluster } as never);
  const out = await assigner.assign({ members: memberIds.map((memberId) => ({ memberId })), topics: ['purchase', 'promo_behavior'] } as never);
  return Object.fromEntries(out.map((o) => [o.memberId, AssignerProtocol.MemberAssignment.decode(o.memberAssignment)!.assignment]));
};

describe('CoPartitionAssigner', () => {
  it('gives each member the same partition numbers of both topics, every partition once', async () => {
    const p = await plan(['m-c', 'm-a', 'm-b']);
    for (const a of Object.values(p)) expect(a.purchase).toEqual(a.promo_behavior);
    expect(Object.values(p).flatMap((a) => a.purchase!).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(p['m-a']!.purchase).toEqual([0, 3]); // dealt by sorted member id: the same plan on every member
  });

  it('gives a lone member everything', async () => {
    expect((await plan(['only'])).only).toEqual({ purchase: [0, 1, 2, 3, 4, 5], promo_behavior: [0, 1, 2, 3, 4, 5] });
  });
});

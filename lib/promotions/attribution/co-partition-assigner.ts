import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

/**
 * A kafkajs partition assigner that keeps co-partitioned topics together: partition i of every subscribed topic goes
 * to the same member, so the attributor that holds purchase[i] also holds promo_behavior[i] (the same users). kafkajs'
 * own RoundRobin spreads the topics' partitions independently and would split a user's purchases from their clicks.
 * Partition numbers are dealt to the members sorted by id, so every member computes the same plan.
 */
export const CoPartitionAssigner: PartitionAssigner = ({ cluster }) => ({
  name: 'SwitchboardCoPartition',
  version: 1,
  async assign({ members, topics }) {
    const counts = topics.map((t) => cluster.findTopicPartitionMetadata(t).length);
    const partitions = Math.max(0, ...counts);
    const ids = members.map((m) => m.memberId).sort();
    const plan = new Map<string, Record<string, number[]>>(ids.map((id) => [id, Object.fromEntries(topics.map((t) => [t, [] as number[]]))]));
    for (let p = 0; p < partitions; p++) {
      const owner = plan.get(ids[p % ids.length]!)!;
      topics.forEach((t, i) => { if (p < counts[i]!) owner[t]!.push(p); });
    }
    return ids.map((memberId) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: this.version, assignment: plan.get(memberId)!, userData: Buffer.alloc(0) }),
    }));
  },
  protocol({ topics }) {
    return { name: this.name, metadata: AssignerProtocol.MemberMetadata.encode({ version: this.version, topics, userData: Buffer.alloc(0) }) };
  },
});

/**
 * Every Kafka topic Switchboard uses, with its partition count. The stack creates
 * exactly these (auto-create is off on the broker), so a typo fails loudly.
 *
 * KAFKA_TOPIC_PREFIX lets several environments share one broker (the test suites
 * do: integration and end-to-end each get their own topics and consumer groups).
 */
export const TOPIC_PREFIX = process.env.KAFKA_TOPIC_PREFIX ?? '';

export function topicsFor(prefix: string) {
  return {
    consultations: `${prefix}sales.consultations`,
    projects: `${prefix}sales.projects`,
    interests: `${prefix}sales.interests`,
    /** Messages a consumer could not decode or validate, with the reason in headers. */
    deadLetter: `${prefix}switchboard.dead-letter`,
  } as const;
}

export const TOPICS = topicsFor(TOPIC_PREFIX);

export type Topic = string;

// Consultations carry most traffic and are keyed by consultation id, so they get
// more partitions (more alarm-worker replicas can share them).
export function topicSpecsFor(prefix: string): { topic: Topic; numPartitions: number }[] {
  const t = topicsFor(prefix);
  return [
    { topic: t.consultations, numPartitions: 6 },
    { topic: t.projects, numPartitions: 3 },
    { topic: t.interests, numPartitions: 3 },
    { topic: t.deadLetter, numPartitions: 1 },
  ];
}

export const TOPIC_SPECS = topicSpecsFor(TOPIC_PREFIX);

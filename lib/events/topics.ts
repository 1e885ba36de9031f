/**
 * Every Kafka topic Switchboard uses, with its partition count. The stack creates
 * exactly these (auto-create is off on the broker), so a typo fails loudly.
 */
/**
 * KAFKA_TOPIC_PREFIX lets several environments share one broker (the test suites
 * do: integration and end-to-end each get their own topics and consumer groups).
 */
export const TOPIC_PREFIX = process.env.KAFKA_TOPIC_PREFIX ?? '';

export const TOPICS = {
  consultations: `${TOPIC_PREFIX}sales.consultations`,
  projects: `${TOPIC_PREFIX}sales.projects`,
  interests: `${TOPIC_PREFIX}sales.interests`,
  /** Messages a consumer could not decode or validate, with the reason in headers. */
  deadLetter: `${TOPIC_PREFIX}switchboard.dead-letter`,
} as const;

export type Topic = string;

// Consultations carry most traffic and are keyed by consultation id, so they get
// more partitions (more alarm-worker replicas can share them).
export const TOPIC_SPECS: { topic: Topic; numPartitions: number }[] = [
  { topic: TOPICS.consultations, numPartitions: 6 },
  { topic: TOPICS.projects, numPartitions: 3 },
  { topic: TOPICS.interests, numPartitions: 3 },
  { topic: TOPICS.deadLetter, numPartitions: 1 },
];

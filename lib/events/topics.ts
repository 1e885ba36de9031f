/**
 * Every Kafka topic Switchboard uses, with its partition count. The stack creates
 * exactly these (auto-create is off on the broker), so a typo fails loudly.
 */
export const TOPICS = {
  consultations: 'sales.consultations',
  projects: 'sales.projects',
  interests: 'sales.interests',
  /** Messages a consumer could not decode or validate, with the reason in headers. */
  deadLetter: 'switchboard.dead-letter',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

// Consultations carry most traffic and are keyed by consultation id, so they get
// more partitions (more alarm-worker replicas can share them).
export const TOPIC_SPECS: { topic: Topic; numPartitions: number }[] = [
  { topic: TOPICS.consultations, numPartitions: 6 },
  { topic: TOPICS.projects, numPartitions: 3 },
  { topic: TOPICS.interests, numPartitions: 3 },
  { topic: TOPICS.deadLetter, numPartitions: 1 },
];

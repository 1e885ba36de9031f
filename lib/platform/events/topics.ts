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
    /** Commerce stream (seed 002): shop users as they register, and their grade changes (key: user id). */
    commerceUsers: `${prefix}commerce.users`,
    /** Products as they are listed (key: product id). */
    commerceProducts: `${prefix}commerce.products`,
    /** Checked-out carts, one order with its lines each (key: user id, so one user's orders stay in order). */
    commerceOrders: `${prefix}commerce.orders`,
    /** Promotion attribution (seed 001), keyed by user id. In: every cart as a purchase, and promotion views and clicks. */
    purchase: `${prefix}purchase`,
    promoBehavior: `${prefix}promo_behavior`,
    /** Out: every purchase with promotion_affect 0 or 1 (key: user id). */
    purchaseAttributed: `${prefix}purchase.attributed`,
    /** Out: the promotion-affected purchases, masked: no user id, no card (key: purchase id). */
    promotion: `${prefix}promotion`,
    /** Settlement (seed 004). In: the shop's payments in the seed's envelope, FINISH markers closing each batch (key: merchant). */
    payment: `${prefix}payment`,
    /** Payout rules, compacted (key: merchant|method|action|effectiveFrom): every settlement worker loads all of it. */
    payoutRules: `${prefix}payout-rules`,
    /** Out: statistics per approval day x merchant x action x method, the running totals with a version (compacted). */
    paymentStatistics: `${prefix}payment-statistics`,
    /**
     * Customer 360 (seed 000). In: Debezium's change events of the three source systems, `<cdcPrefix>.<schema>.<table>`
     * (key: the row's primary key). The connector's topic.prefix is `cdcPrefix`.
     */
    cdcPrefix: `${prefix}cdc`,
    cdcDiCustomer: `${prefix}cdc.di.customer`,
    cdcDiConsultationContact: `${prefix}cdc.di.consultation_contact`,
    cdcOmUsers: `${prefix}cdc.om.users`,
    cdcCxContact: `${prefix}cdc.cx.contact`,
    /** Out (L2): one message per profile change, a tombstone when a profile is absorbed or erased (compacted, key: profile id). */
    customer360Profiles: `${prefix}customer360.profiles`,
    /** Messages a consumer could not decode or validate, with the reason in headers. */
    deadLetter: `${prefix}switchboard.dead-letter`,
  } as const;
}

export const TOPICS = topicsFor(TOPIC_PREFIX);

export type Topic = string;

// Consultations carry most traffic and are keyed by consultation id, so they get
// more partitions (more sales-alarm-worker replicas can share them).
const DAY_MS = 24 * 3600 * 1000;
const retention = (days: number) => ({ 'retention.ms': String(days * DAY_MS) });

// Commerce topics: 6 partitions so three order-sink replicas get two each. The seed kept users and
// products 7 days and orders 30; the sinks hold the lasting copy in PostgreSQL.
export function topicSpecsFor(prefix: string): { topic: Topic; numPartitions: number; config?: Record<string, string> }[] {
  const t = topicsFor(prefix);
  return [
    { topic: t.consultations, numPartitions: 6 },
    { topic: t.projects, numPartitions: 3 },
    { topic: t.interests, numPartitions: 3 },
    { topic: t.commerceUsers, numPartitions: 6, config: retention(7) },
    { topic: t.commerceProducts, numPartitions: 6, config: retention(7) },
    { topic: t.commerceOrders, numPartitions: 6, config: retention(30) },
    // purchase and promo_behavior must have the same partition count and partitioner (kafkajs' default, murmur2 of
    // the key, on both): partition i of each holds the same users, so one attributor task joins them (it checks).
    // Seed 001 kept them 5 days.
    { topic: t.purchase, numPartitions: 6, config: retention(5) },
    { topic: t.promoBehavior, numPartitions: 6, config: retention(5) },
    { topic: t.purchaseAttributed, numPartitions: 6, config: retention(5) },
    { topic: t.promotion, numPartitions: 6, config: retention(5) },
    // payment is keyed by merchant: a merchant's payments, their cancellations and duplicates meet in one partition
    // (and one worker), and a merchant's statistics rows have one writer. Kept 7 days: a replay from offset 0
    // rebuilds the bases of that week.
    { topic: t.payment, numPartitions: 6, config: retention(7) },
    { topic: t.payoutRules, numPartitions: 1, config: { 'cleanup.policy': 'compact' } },
    { topic: t.paymentStatistics, numPartitions: 6, config: { 'cleanup.policy': 'compact' } },
    // CDC topics: Debezium keys each change by the row's primary key, so one record's changes stay in order. Kept 7
    // days: the identity tables hold the lasting state, and a new connector snapshots the sources again.
    ...[t.cdcDiCustomer, t.cdcDiConsultationContact, t.cdcOmUsers, t.cdcCxContact].map((topic) => ({ topic, numPartitions: 3, config: retention(7) })),
    { topic: t.customer360Profiles, numPartitions: 6, config: { 'cleanup.policy': 'compact' } },
    { topic: t.deadLetter, numPartitions: 1 },
  ];
}

export const TOPIC_SPECS = topicSpecsFor(TOPIC_PREFIX);

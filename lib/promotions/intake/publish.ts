/**
 * The ways in besides the shop's own producer (seed 001: API, log file, Kafka): records are standardised here and
 * published to `purchase` / `promo_behavior` in their standard form, keyed by user id like the shop's, so the
 * attributor treats them alike. A record that cannot be standardised is refused with its reason.
 */
import type { Producer } from 'kafkajs';
import { TOPICS } from '../../platform/events/topics';
import { standardisePromoBehavior, standardisePurchase } from './contracts';

export type IntakeKind = 'purchase' | 'promo_behavior';
export const INTAKE_TOPIC: Record<IntakeKind, string> = { purchase: TOPICS.purchase, promo_behavior: TOPICS.promoBehavior };

export interface Standardised { index: number; key: string; value: string }
export interface Refused { index: number; reason: string }

/** Each record standardised or refused, in input order. */
export function standardiseAll(kind: IntakeKind, records: unknown[]): { good: Standardised[]; bad: Refused[] } {
  const good: Standardised[] = [];
  const bad: Refused[] = [];
  records.forEach((raw, index) => {
    const r = kind === 'purchase' ? standardisePurchase(raw) : standardisePromoBehavior(raw);
    if (r.ok) good.push({ index, key: r.value.userId, value: JSON.stringify(r.value) });
    else bad.push({ index, reason: r.reason });
  });
  return { good, bad };
}

/** Publishes standardised records (acks from every in-sync replica) to the kind's topic. */
export async function publishStandardised(producer: Producer, kind: IntakeKind, good: Standardised[]): Promise<void> {
  if (!good.length) return;
  await producer.send({ topic: INTAKE_TOPIC[kind], acks: -1, messages: good.map((g) => ({ key: g.key, value: g.value })) });
}

import type { Tx } from '../../platform/db';
import type { EventOf } from '../../platform/events/catalog';
import type { Handlers } from '../../platform/kafka/run-consumer';
import type { Channel } from './config';

const ko = (d: string | null) => (d ? d.replaceAll('-', '.') : null);

/**
 * Seed 003: when a project starts, every customer interested in it (interest
 * on at that moment) is notified, addressed by phone. Runs in the consumer's
 * exactly-once transaction; the (eventId, customerId) unique key makes a
 * replayed ProjectStarted (new consumer group, reset offsets) add nothing.
 * Delivery happens later, in the delivery loop, so a slow receiver never
 * holds up the consumer.
 */
async function notifyInterestedCustomers(event: EventOf<'ProjectStarted'>, tx: Tx, channel: Channel): Promise<void> {
  const p = event.payload;
  const interested = await tx.interest.findMany({
    where: { projectId: p.projectId, interested: true },
    select: { customerId: true, customer: { select: { phone: true } } },
  });
  if (interested.length === 0) return;
  const period = [ko(p.startDate), ko(p.endDate)].filter(Boolean).join(' – ');
  await tx.notification.createMany({
    data: interested.map((i) => ({
      eventId: event.eventId,
      customerId: i.customerId,
      phone: i.customer.phone,
      projectId: p.projectId,
      title: `${p.name} (${p.year}) has started`,
      body: `${p.host} opened ${p.name}${period ? ` (${period})` : ''}. Request a consultation to apply while it runs.`,
      channel,
      correlationId: event.correlationId,
    })),
    skipDuplicates: true,
  });
}

export const notificationHandlers = (channel: Channel): Handlers => ({
  ProjectStarted: (event, tx) => notifyInterestedCustomers(event, tx, channel),
});

import { db } from '../../platform/db';

export interface NotificationRow {
  id: string;
  title: string;
  body: string;
  phone: string;
  channel: string;
  projectId: string;
  deliveredAt: string;
  read: boolean;
}

export interface Inbox {
  notifications: NotificationRow[];
  unread: number;
  /** Made but not delivered yet (being sent, or waiting to retry). */
  pending: number;
}

/** The customer's own inbox, newest first: the delivered notifications (any channel), with the unread count. */
export async function listNotifications(customerId: string, limit = 50): Promise<Inbox> {
  const [rows, unread, pending] = await Promise.all([
    db.notification.findMany({
      where: { customerId, status: 'delivered' },
      orderBy: [{ deliveredAt: 'desc' }, { id: 'desc' }],
      take: limit,
    }),
    db.notification.count({ where: { customerId, status: 'delivered', readAt: null } }),
    db.notification.count({ where: { customerId, status: 'pending' } }),
  ]);
  return {
    unread,
    pending,
    notifications: rows.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      phone: n.phone,
      channel: n.channel,
      projectId: n.projectId,
      deliveredAt: (n.deliveredAt ?? n.createdAt).toISOString(),
      read: n.readAt !== null,
    })),
  };
}

import type { Transport } from './notifier';

/**
 * The default channel: the customer's in-app inbox (/customer/notifications).
 * The Notification row is the inbox entry, and the inbox lists delivered
 * rows, so delivering means nothing more than the loop marking it delivered.
 */
export const inboxTransport: Transport = {
  channel: 'inbox',
  async send() {},
};

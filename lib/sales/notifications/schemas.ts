import { z } from 'zod';

/** Marking inbox entries read: one notification, or all of the customer's. Shared by the action and the API. */
export const markReadSchema = z.union([
  z.object({ notificationId: z.uuid({ message: 'Unknown notification' }) }),
  z.object({ all: z.literal(true, { message: 'Say all: true to mark everything read' }) }),
], { message: 'Name a notification, or say all: true' });

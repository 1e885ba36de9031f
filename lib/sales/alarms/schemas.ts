import { z } from 'zod';

export const ALARM_PAGE_SIZE = 20;

/** GET /api/alarms?cursor=…&limit=…: the cursor is the id of the last alarm already shown. */
export const alarmPageSchema = z.object({
  cursor: z.uuid({ message: 'Unknown cursor' }).nullish(),
  limit: z.coerce.number().int().min(1, 'limit is 1 to 50').max(50, 'limit is 1 to 50').default(ALARM_PAGE_SIZE),
});

/**
 * Mark one alarm read ({ alarmId }) or all of them ({ all: true }); `upTo`
 * (the newest alarm on screen) keeps "all" from swallowing an alarm that
 * arrived after the salesman last looked.
 */
export const markReadSchema = z
  .object({
    alarmId: z.uuid({ message: 'Unknown alarm' }).optional(),
    all: z.literal(true, { message: 'all must be true' }).optional(),
    upTo: z.uuid({ message: 'Unknown alarm' }).optional(),
  })
  .refine((v) => Boolean(v.alarmId) !== Boolean(v.all), { message: 'Name one alarm (alarmId) or all: true', path: ['alarmId'] });
export type MarkReadInput = z.input<typeof markReadSchema>;

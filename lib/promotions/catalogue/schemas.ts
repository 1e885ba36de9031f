import { z } from 'zod';
import { CATEGORIES } from '../../commerce/catalogue/categories';
import { fromKstDateTime } from '../../platform/time/kst';

export const CHANNELS = ['BANNER', 'PUSH', 'SEARCH'] as const;
export type Channel = (typeof CHANNELS)[number];

/** "2026-12-24T09:00" (a datetime-local field) or "2026-12-24 09:00[:00]", meant as Korea time. */
const kstTime = z.string().trim().transform((s, ctx) => {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/.exec(s);
  const d = m ? fromKstDateTime(`${m[1]} ${m[2]}${m[3] ?? ':00'}`) : null;
  if (!d) { ctx.addIssue({ code: 'custom', message: 'Enter a date and time, e.g. 2026-12-24 09:00 (Korea time).' }); return z.NEVER; }
  return d;
});

/** A list from a form (several values, or one comma-separated string) or from JSON (an array). */
const list = <T extends z.ZodType>(item: T) => z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v),
  z.array(item),
);

/** One schema for the staff form, its server action and the API. */
export const promotionInput = z.object({
  name: z.string().trim().min(2, 'Give the promotion a name of at least 2 characters.').max(80, 'At most 80 characters.'),
  categories: list(z.enum(CATEGORIES, { message: 'Not one of the shop’s categories.' })),
  productIds: list(z.string().regex(/^P[0-9a-f]{8}$/, 'Product ids look like P0a1b2c3d.')),
  discountRate: z.coerce.number({ message: 'Enter a whole percentage.' }).int('Enter a whole percentage.').min(0, 'At least 0 %.').max(90, 'At most 90 %.'),
  channel: z.enum(CHANNELS, { message: 'Choose banner, push or search.' }),
  startsAt: kstTime,
  endsAt: kstTime,
}).refine((p) => p.endsAt > p.startsAt, { path: ['endsAt'], message: 'The end must be after the start.' });
export type PromotionInput = z.output<typeof promotionInput>;

export const promotionId = z.string().regex(/^PR-\d{4,}$/, 'Promotion ids look like PR-0007.');

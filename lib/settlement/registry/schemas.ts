/** One schema for a merchant of the registry, shared by the staff forms, their server actions and the API. */
import { z } from 'zod';

export const merchantNumber = z.string({ message: 'Enter the merchant number.' }).trim()
  .regex(/^merchant-\d{4}$/, 'Merchant numbers look like merchant-0042 (four digits).');

const flag = (fallback: boolean) => z.boolean({ message: 'Yes or no (true / false).' }).default(fallback);

/** What can change on a merchant (PUT: the whole of it again). */
export const merchantChanges = z.object({
  name: z.string({ message: 'Give the merchant a name.' }).trim().min(1, 'Give the merchant a name.').max(80, 'At most 80 characters.'),
  /** false: its payments are not settled (non-settlement) */
  settlementEnabled: flag(true),
  /** a test merchant: its payments are test payments, never settled */
  test: flag(false),
});

export const merchantInput = merchantChanges.extend({ number: merchantNumber });
export type MerchantInput = z.output<typeof merchantInput>;
export type MerchantChanges = z.output<typeof merchantChanges>;

import { z } from 'zod';

// One schema per staff input, shared by the form, the server action and the API.
const profileId = z.string().trim().regex(/^[0-9a-f]{32}$/, 'A profile id is 32 hexadecimal characters.');
const why = z.string().trim().min(3, 'Say why, in a few words (it is kept with the decision).').max(500, 'At most 500 characters.');

export const searchInput = z.object({
  q: z.string().trim().min(2, 'Type at least 2 characters: a name, a phone number or an email.').max(100, 'At most 100 characters.'),
});

/** "Not the same person": the chosen records leave the profile and are kept apart from the rest from now on. */
export const splitInput = z.object({
  profileId,
  recordKeys: z.array(z.string().min(3)).min(1, 'Choose the records that are another person.'),
  why,
});

/** "Same person": two profiles become one, whatever the rules say. liftSplits: lift the staff splits that keep them apart first. */
export const mergeInput = z.object({
  profileId,
  otherProfileId: profileId,
  why,
  liftSplits: z.union([z.boolean(), z.enum(['on', 'true', 'false', ''])]).transform((v) => v === true || v === 'on' || v === 'true').optional(),
}).refine((v) => v.profileId !== v.otherProfileId, { message: 'Choose another profile: a profile is already itself.', path: ['otherProfileId'] });

/** Erase a person: their records leave every identity table; the source systems are told to delete them. */
export const eraseInput = z.object({
  profileId,
  why,
  confirm: z.literal('ERASE', { error: 'Type ERASE to confirm: this cannot be undone.' }),
});

export type SplitInput = z.infer<typeof splitInput>;
export type MergeInput = z.infer<typeof mergeInput>;
export type EraseInput = z.infer<typeof eraseInput>;

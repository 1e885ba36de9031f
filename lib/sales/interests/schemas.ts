import { z } from 'zod';

/**
 * Inputs of the interest commands. The page's toggle, the server action, the
 * JSON API and the tests all parse with these, so they refuse the same things.
 */
export const createInterestSchema = z.object({
  projectId: z.uuid({ message: 'Choose a project' }),
});

/** Forms send "true"/"false" strings; the API sends booleans. Both mean the same. */
const onOff = z.union([
  z.boolean(),
  z.enum(['true', 'false', 'on', 'off']).transform((s) => s === 'true' || s === 'on'),
], { message: 'Say whether you are interested (true or false)' });

export const updateInterestSchema = z.object({
  interestId: z.uuid({ message: 'Unknown interest' }),
  interested: onOff,
});

/** The page's toggle names the project, not the interest: a customer has at most one per project. */
export const setInterestSchema = z.object({
  projectId: z.uuid({ message: 'Choose a project' }),
  interested: onOff,
});

export type CreateInterestInput = z.input<typeof createInterestSchema>;
export type UpdateInterestInput = z.input<typeof updateInterestSchema>;
export type SetInterestInput = z.input<typeof setInterestSchema>;

import { z } from 'zod';

/**
 * Inputs of the four project commands. The staff forms, the server actions, the
 * JSON API and the tests all parse with these, so a rule lives in one place.
 */

export const PROJECT_STATUSES = ['planned', 'ongoing', 'ended'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

const dayMessage = 'Enter a date like 2027-03-02';
/** A calendar date; an empty form field or null means "not set". */
const day = z.union([z.literal('').transform(() => null), z.null(), z.iso.date({ message: dayMessage })]);

/** KRW budget: digits, commas and spaces allowed ("3,000,000,000"), stored as BigInt. */
const scale = z
  .union([z.number(), z.string()], { message: 'Enter the budget in won, e.g. 3,000,000,000' })
  .transform((v) => String(v).replace(/[,\s원₩]/g, ''))
  .pipe(z.string().regex(/^[1-9]\d{0,15}$/, 'Enter the budget in won, e.g. 3,000,000,000'))
  .transform((s) => BigInt(s));

const text = (what: string, max: number) =>
  z
    .string({ message: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(max, `The ${what} is at most ${max} characters`);

/** Every field of a project a staff member types in; status is never typed, only moved by Start/End. */
export const projectFields = z.object({
  name: z
    .string({ message: 'Enter the project name (2 to 80 characters)' })
    .trim()
    .min(2, 'Enter the project name (2 to 80 characters)')
    .max(80, 'Enter the project name (2 to 80 characters)'),
  year: z.coerce
    .number({ message: 'Enter a year between 2000 and 2100' })
    .int('Enter a year between 2000 and 2100')
    .min(2000, 'Enter a year between 2000 and 2100')
    .max(2100, 'Enter a year between 2000 and 2100'),
  scale,
  target: text('target (who may apply)', 100),
  host: text('host organisation', 100),
  summary: text('summary', 2000),
  link: z.union([
    z.literal('').transform(() => null),
    z.null(),
    z.url({ protocol: /^https?$/, message: 'Enter a web address starting with https://' }).max(500),
  ]),
  startDate: day,
  endDate: day,
  expStartDate: day,
});
export type ProjectFields = z.output<typeof projectFields>;

/** Null when the dates are in order, else per-field messages. Shared by create and edit (after merging). */
export function dateOrderErrors(p: { startDate?: string | null; endDate?: string | null }): Record<string, string[]> | null {
  if (p.startDate && p.endDate && p.endDate < p.startDate) {
    return { endDate: [`The end date cannot be before the start date (${p.startDate})`] };
  }
  return null;
}

const withDateOrder = <T extends { startDate?: string | null; endDate?: string | null }>(v: T, ctx: z.RefinementCtx) => {
  const errors = dateOrderErrors(v);
  for (const [path, messages] of Object.entries(errors ?? {})) {
    for (const message of messages) ctx.addIssue({ code: 'custom', path: [path], message });
  }
};

export const createProjectSchema = projectFields
  .extend({
    link: projectFields.shape.link.optional().transform((v) => v ?? null),
    startDate: day.optional().transform((v) => v ?? null),
    endDate: day.optional().transform((v) => v ?? null),
    expStartDate: day.optional().transform((v) => v ?? null),
  })
  .superRefine(withDateOrder);
export type CreateProjectInput = z.input<typeof createProjectSchema>;

/** An edit names only what it changes; a field left out keeps its value. Date order is checked after merging. */
export const editProjectSchema = projectFields.partial().extend({ projectId: z.uuid({ message: 'Unknown project' }) });
export type EditProjectInput = z.input<typeof editProjectSchema>;

/** Start: the actual start date, today (Korea time) when not given. */
export const startProjectSchema = z.object({
  projectId: z.uuid({ message: 'Unknown project' }),
  startDate: day.optional(),
});

/** End: the actual end date, today (Korea time) when not given. */
export const endProjectSchema = z.object({
  projectId: z.uuid({ message: 'Unknown project' }),
  endDate: day.optional(),
});

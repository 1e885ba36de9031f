import { z } from 'zod';
import { REGIONS } from '../people/regions';

export const CONSULTATION_STEPS = ['requested', 'accepted', 'canceled', 'in_progress', 'success', 'fail'] as const;
export type ConsultationStep = (typeof CONSULTATION_STEPS)[number];

/** 010-1234-5678 style; accepts digits with or without dashes and stores the dashed form. */
export const mobilePhone = z
  .string()
  .trim()
  .regex(/^01[016789]-?\d{3,4}-?\d{4}$/, 'Enter a mobile number like 010-1234-5678')
  .transform((s) => {
    const d = s.replace(/-/g, '');
    return `${d.slice(0, 3)}-${d.slice(3, d.length - 4)}-${d.slice(-4)}`;
  });

/** A customer's consultation request: the form, the server action, the API and the tests share it. */
export const consultationRequestSchema = z.object({
  projectId: z.uuid({ message: 'Choose a project' }),
  contactName: z
    .string()
    .trim()
    .min(2, 'Enter the contact name (2 to 30 characters)')
    .max(30, 'Enter the contact name (2 to 30 characters)'),
  phone: mobilePhone,
  company: z.string().trim().min(1, 'Enter the company name').max(60, 'Company name is at most 60 characters'),
  region: z.enum(REGIONS, { message: 'Choose the region where you need help' }),
  message: z
    .string()
    .trim()
    .min(5, 'Tell us briefly what you need (at least 5 characters)')
    .max(1000, 'Keep the message under 1000 characters'),
});
export type ConsultationRequest = z.input<typeof consultationRequestSchema>;

export const stepChangeSchema = z.object({
  consultationId: z.uuid({ message: 'Unknown consultation' }),
  step: z.enum(CONSULTATION_STEPS, { message: 'Unknown step' }),
});

/**
 * The customer's edit of a request still waiting for the salesman. Project and
 * region are not editable: they decided which salesman was matched, so changing
 * them means a new request. expectedVersion (from the form) turns a lost
 * update into a clear conflict instead of silently overwriting.
 */
export const consultationEditSchema = consultationRequestSchema
  .pick({ contactName: true, phone: true, company: true, message: true })
  .extend({
    consultationId: z.uuid({ message: 'Unknown consultation' }),
    expectedVersion: z.coerce.number().int().positive().optional(),
  });
export type ConsultationEdit = z.input<typeof consultationEditSchema>;

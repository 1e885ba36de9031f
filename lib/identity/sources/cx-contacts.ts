/**
 * CX, the support desk: contacts as agents record them on calls (cx.contact), the one source system staff edit in
 * Switchboard. Kept the way a support desk keeps them: phones and addresses as typed (the L1 step cleanses them, not
 * this form), the front of the resident registration number when the agent asked. Debezium streams every change.
 */
import { z } from 'zod';
import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';

const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label}: at most ${max} characters.`).transform((s) => s || null);

export const cxContactInput = z.object({
  fullName: z.string().trim().min(1, 'Enter the name as the customer gave it.').max(100, 'At most 100 characters.'),
  /** one per line or separated by commas, in any format: the L1 step reads them */
  phones: z.string().max(200, 'At most 200 characters.').transform((s) => s.split(/[\n,;]+/).map((p) => p.trim()).filter(Boolean))
    .refine((ps) => ps.length <= 3, 'At most 3 phone numbers.')
    .refine((ps) => ps.every((p) => /^[+\d][\d\s\-().]{5,}$/.test(p)), 'Each phone: digits, spaces, dashes, an optional leading +.'),
  email: optionalText(200, 'Email'),
  address: optionalText(300, 'Address'),
  rrnFront: z.string().trim().transform((s) => s || null)
    .refine((s) => s === null || /^\d{6}(-?[1-8])?$/.test(s), 'The front of the registration number: 6 digits, optionally - and the gender digit (900102-1).'),
});
export type CxContactInput = z.input<typeof cxContactInput>;

export interface CxContact {
  contactId: string;
  fullName: string;
  phones: string[];
  email: string | null;
  address: string | null;
  rrnFront: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `contact_id AS "contactId", full_name AS "fullName", phones, email, address, rrn_front AS "rrnFront", created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function listCxContacts({ q, limit = 50 }: { q?: string; limit?: number } = {}): Promise<CxContact[]> {
  const like = q?.trim() ? `%${q.trim().replace(/[%_\\]/g, '\\$&')}%` : null;
  return db.$queryRawUnsafe<CxContact[]>(
    `SELECT ${COLUMNS} FROM cx.contact WHERE $1::text IS NULL OR full_name ILIKE $1 OR email ILIKE $1 OR array_to_string(phones, ' ') LIKE $1 ORDER BY updated_at DESC LIMIT $2`, like, limit);
}

export async function getCxContact(contactId: string): Promise<CxContact> {
  const [c] = await db.$queryRawUnsafe<CxContact[]>(`SELECT ${COLUMNS} FROM cx.contact WHERE contact_id = $1`, contactId);
  if (!c) throw new AppError('NOT_FOUND', `No support contact ${contactId}.`);
  return c;
}

export async function createCxContact(input: z.output<typeof cxContactInput>): Promise<CxContact> {
  const [c] = await db.$queryRawUnsafe<CxContact[]>(
    `INSERT INTO cx.contact (full_name, phones, email, address, rrn_front) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    input.fullName, input.phones, input.email, input.address, input.rrnFront);
  return c!;
}

export async function updateCxContact(contactId: string, input: z.output<typeof cxContactInput>): Promise<CxContact> {
  const [c] = await db.$queryRawUnsafe<CxContact[]>(
    `UPDATE cx.contact SET full_name = $2, phones = $3, email = $4, address = $5, rrn_front = $6, updated_at = now() WHERE contact_id = $1 RETURNING ${COLUMNS}`,
    contactId, input.fullName, input.phones, input.email, input.address, input.rrnFront);
  if (!c) throw new AppError('NOT_FOUND', `No support contact ${contactId}.`);
  return c;
}

export async function deleteCxContact(contactId: string): Promise<void> {
  const n = await db.$executeRawUnsafe(`DELETE FROM cx.contact WHERE contact_id = $1`, contactId);
  if (n === 0) throw new AppError('NOT_FOUND', `No support contact ${contactId}.`);
}

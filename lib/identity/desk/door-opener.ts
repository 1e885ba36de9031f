/**
 * The salesman's door-opener view (seed 003): the customer behind a consultation, unified. The consultation's
 * contact is a DI record (DI:K<consultation id>); its profile's other records lead to the shop (OM: grade, recent
 * orders) and the sales desk (DI:C: interests, other consultations).
 */
import { db } from '../../platform/db';
import type { Sql } from '../store/sql';

export interface DoorOpener {
  profileId: string;
  name: string | null;
  birthDate: string | null;
  address: string | null;
  phones: string[];
  emails: string[];
  sources: string[];
  /** the shop's grade (the best of the profile's shop accounts), null when not a shop customer */
  grade: string | null;
  recentOrders: { id: string; orderedAt: Date; total: number; itemCount: number }[];
  interests: { projectName: string; year: number; interested: boolean; at: Date }[];
  otherConsultations: { id: string; projectName: string; step: string; at: Date }[];
}

const GRADE_ORDER = ['VIP', 'GOLD', 'SILVER', 'BRONZE'];

/** null while the linker has not seen the consultation's contact yet (it follows within seconds). */
export async function doorOpener(sql: Sql, consultationId: string): Promise<DoorOpener | null> {
  const rec = (await sql.query<{ profileId: string | null }>(`SELECT "profileId" FROM "IdentityRecord" WHERE key = $1`, [`DI:K${consultationId}`])).rows[0];
  if (!rec?.profileId) return null;
  const p = (await sql.query<{ id: string; records: string[]; golden: { name?: { value: string } | null; birthDate?: { value: string } | null; address?: { value: { text: string } } | null }; contactPoints: { phones: { value: string; shown: string }[]; emails: { value: string }[] } }>(
    `SELECT id, records, golden, "contactPoints" FROM "IdentityProfile" WHERE id = $1`, [rec.profileId])).rows[0];
  if (!p) return null;
  const ids = (prefix: string) => p.records.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  const [shopUsers, customers, consultations] = [ids('OM:'), ids('DI:C'), ids('DI:K')];
  const [users, orders, interests, others] = await Promise.all([
    shopUsers.length ? db.shopUser.findMany({ where: { id: { in: shopUsers } }, select: { grade: true } }) : [],
    shopUsers.length ? db.shopOrder.findMany({ where: { userId: { in: shopUsers } }, orderBy: { orderedAt: 'desc' }, take: 5, select: { id: true, orderedAt: true, total: true, itemCount: true } }) : [],
    customers.length ? db.interest.findMany({ where: { customerId: { in: customers } }, orderBy: { updatedAt: 'desc' }, take: 10, select: { interested: true, updatedAt: true, project: { select: { name: true, year: true } } } }) : [],
    db.consultation.findMany({ where: { OR: [{ id: { in: consultations.filter((c) => c !== consultationId) } }, ...(customers.length ? [{ customerId: { in: customers } }] : [])], NOT: { id: consultationId } },
      orderBy: { createdAt: 'desc' }, take: 10, select: { id: true, step: true, createdAt: true, project: { select: { name: true } } } }),
  ]);
  const grade = users.map((u) => u.grade as string).sort((a, b) => GRADE_ORDER.indexOf(a) - GRADE_ORDER.indexOf(b))[0] ?? null;
  return {
    profileId: p.id, name: p.golden.name?.value ?? null, birthDate: p.golden.birthDate?.value ?? null, address: p.golden.address?.value.text ?? null,
    phones: p.contactPoints.phones.map((c) => c.shown), emails: p.contactPoints.emails.map((c) => c.value),
    sources: [...new Set(p.records.map((k) => k.slice(0, 2)))],
    grade, recentOrders: orders,
    interests: interests.map((i) => ({ projectName: i.project.name, year: i.project.year, interested: i.interested, at: i.updatedAt })),
    otherConsultations: others.map((c) => ({ id: c.id, projectName: c.project.name, step: c.step, at: c.createdAt })),
  };
}

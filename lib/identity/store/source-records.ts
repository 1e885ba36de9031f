import type { Gender } from '../cleansing/birth';
import { cleanse, type L1Record, type SourceRecord } from '../cleansing/cleanse';

/**
 * The source systems' rows (L0) as Switchboard reads them: DI (sales: customers and consultation contacts), OM (the
 * shop's users), CX (the support desk's contacts). Each table's columns map to the cleansing input here, once, for
 * the CDC path, the simulator and the CSV import alike.
 */
export type SourceName = 'DI' | 'OM' | 'CX';
export const SOURCES: readonly SourceName[] = ['DI', 'OM', 'CX'];

export interface SourceTable {
  source: SourceName;
  /** schema.table in PostgreSQL */
  table: 'di.customer' | 'di.consultation_contact' | 'om.users' | 'cx.contact';
  /** the primary key column */
  idColumn: string;
  /** the record key prefix: "DI:C" + id, … (keys are unique across sources) */
  keyPrefix: string;
  toSource(row: Record<string, unknown>): SourceRecord;
  /** a gender the source keeps in a column of its own */
  gender?(row: Record<string, unknown>): Gender | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export const SOURCE_TABLES: readonly SourceTable[] = [
  { source: 'DI', table: 'di.customer', idColumn: 'customer_id', keyPrefix: 'DI:C',
    toSource: (r) => ({ name: str(r.customer_name), phones: [str(r.mobile)], email: str(r.email), address: str(r.region) }) },
  { source: 'DI', table: 'di.consultation_contact', idColumn: 'contact_id', keyPrefix: 'DI:K',
    toSource: (r) => ({ name: str(r.customer_name), phones: [str(r.mobile)], email: str(r.email), address: str(r.region) }) },
  { source: 'OM', table: 'om.users', idColumn: 'user_id', keyPrefix: 'OM:',
    toSource: (r) => ({ name: str(r.user_name), phones: [str(r.phone_no)], email: str(r.email_addr), birth: str(r.birth_ymd), address: str(r.addr) }),
    gender: (r) => (r.gender === 'M' || r.gender === 'MALE' ? 'M' : r.gender === 'F' || r.gender === 'FEMALE' ? 'F' : null) },
  { source: 'CX', table: 'cx.contact', idColumn: 'contact_id', keyPrefix: 'CX:',
    toSource: (r) => ({ name: str(r.full_name), phones: Array.isArray(r.phones) ? r.phones.map(str) : [], email: str(r.email), birth: str(r.rrn_front), address: str(r.address) }) },
];

export const sourceTable = (table: string): SourceTable | undefined => SOURCE_TABLES.find((t) => t.table === table);

/** What the store keeps of one source record. */
export interface SourceRow {
  key: string;
  source: string;
  sourceId: string;
  createdAt: Date;
  updatedAt: Date;
  raw: Record<string, unknown>;
  l1: L1Record;
  gender: Gender | null;
}

/** A source row (L0) to its L1 record. `today` decides six-digit birth dates' century (pass it for repeatable runs). */
export function toSourceRow(t: SourceTable, raw: Record<string, unknown>, { today, createdAt, updatedAt }: { today?: string; createdAt: Date; updatedAt: Date }): SourceRow {
  const id = String(raw[t.idColumn]);
  return { key: `${t.keyPrefix}${id}`, source: t.source, sourceId: id, createdAt, updatedAt, raw, l1: cleanse(t.toSource(raw), { today }), gender: t.gender?.(raw) ?? null };
}

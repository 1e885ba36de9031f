import { z } from 'zod';
import type { SourceRecord } from '../cleansing/cleanse';

/**
 * The field map of `npm run identity:import`: which CSV columns make each field of a record, e.g.
 * `name=surname+given_name,phone=mobile,phones=home+office,birthDate=dob,id=member_no`. `+` joins columns: with a
 * space for text fields, as separate numbers for `phones`.
 */
export const MAP_FIELDS = ['id', 'name', 'phone', 'phones', 'email', 'birthDate', 'address', 'createdAt', 'updatedAt'] as const;
export type MapField = (typeof MAP_FIELDS)[number];
export type FieldMap = Partial<Record<MapField, string[]>>;

export const sourceName = z.string().regex(/^[A-Z][A-Z0-9_]{1,11}$/, 'A source name: 2-12 capital letters, digits or _, starting with a letter (e.g. LEGACY).');

export function parseFieldMap(text: string, header: readonly string[]): FieldMap {
  const map: FieldMap = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [field, columns] = part.split('=').map((s) => s.trim());
    if (!field || !columns) throw new Error(`--map: "${part}" is not field=column (or field=column+column)`);
    if (!(MAP_FIELDS as readonly string[]).includes(field)) throw new Error(`--map: unknown field "${field}"; the fields are ${MAP_FIELDS.join(', ')}`);
    const cols = columns.split('+').map((c) => c.trim());
    const missing = cols.filter((c) => !header.includes(c));
    if (missing.length) throw new Error(`--map: ${field} names column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}, not in the CSV header (${header.join(', ')})`);
    map[field as MapField] = cols;
  }
  if (!map.name && !map.phone && !map.phones && !map.email) throw new Error('--map: map at least one of name, phone, phones, email');
  return map;
}

export interface MappedRow {
  id: string | null;
  source: SourceRecord;
  createdAt: string | null;
  updatedAt: string | null;
}

/** One CSV row through the map. */
export function mapRow(row: Record<string, string>, map: FieldMap): MappedRow {
  const joined = (f: MapField) => {
    const v = map[f]?.map((c) => (row[c] ?? '').trim()).filter(Boolean).join(' ');
    return v ? v : null;
  };
  const phones = [joined('phone'), ...(map.phones ?? []).map((c) => (row[c] ?? '').trim())].filter((p): p is string => Boolean(p));
  return {
    id: joined('id'),
    source: { name: joined('name'), phones, email: joined('email'), birth: joined('birthDate'), address: joined('address') },
    createdAt: joined('createdAt'), updatedAt: joined('updatedAt'),
  };
}

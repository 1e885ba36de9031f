import { SOURCE_TABLES, type SourceTable } from '../store/source-records';
import type { SimulatedRecord } from './sources';

/**
 * A simulated record as its source system's row (L0): the table, the row's columns, and the record key the linker
 * will give it. Simulated CX contacts get ids "S00000001" (staff's own contacts are numbered by cx.contact_seq); the
 * other sources' simulated ids cannot meet real ones (the sales desk's are uuids, the shop's "U_" + 8 digits).
 */
export interface SimulatedSourceRow {
  table: SourceTable;
  row: Record<string, unknown>;
  key: string;
  createdAt: Date;
  updatedAt: Date;
}

const tableOf = (name: SourceTable['table']) => SOURCE_TABLES.find((t) => t.table === name)!;

export function toSourceTableRow(r: SimulatedRecord): SimulatedSourceRow {
  const updatedAt = new Date(r.updatedAt);
  // the record was created some time before its last change; derived from the key, so a rerun gives the same
  const createdAt = new Date(updatedAt.getTime() - (Number(r.key.replace(/\D/g, '')) % 400) * 86_400_000);
  const times = { created_at: createdAt.toISOString(), updated_at: updatedAt.toISOString() };
  switch (r.source) {
    case 'DI': {
      const t = tableOf(r.kind === 'customer' ? 'di.customer' : 'di.consultation_contact');
      const id = r.key.slice(4);
      const row = { [t.idColumn]: id, customer_name: r.row.customer_name, mobile: r.row.mobile, email: r.row.email, company: r.row.company, region: r.row.region, ...times };
      return { table: t, row, key: `${t.keyPrefix}${id}`, createdAt, updatedAt };
    }
    case 'OM': {
      const t = tableOf('om.users');
      const id = r.key.slice(3);
      const row = { user_id: id, user_name: r.row.user_name, phone_no: r.row.phone_no, email_addr: r.row.email_addr, birth_ymd: r.row.birth_ymd, gender: r.row.gender, addr: r.row.addr, ...times };
      return { table: t, row, key: `${t.keyPrefix}${id}`, createdAt, updatedAt };
    }
    case 'CX': {
      const t = tableOf('cx.contact');
      const id = `S${r.key.slice(3)}`;
      const row = { contact_id: id, full_name: r.row.full_name, phones: r.row.phones, email: r.row.email, address: r.row.address, rrn_front: r.row.rrn_front ?? null, ...times };
      return { table: t, row, key: `${t.keyPrefix}${id}`, createdAt, updatedAt };
    }
  }
}

import type { SourceRecord } from '../cleansing/cleanse';

export type SourceName = 'DI' | 'OM' | 'CX';
export const SOURCES: readonly SourceName[] = ['DI', 'OM', 'CX'];

/** DI (분양관리, the sales desk): its customers and the contacts of its consultations, as salesmen typed them. */
export interface DiRow {
  customer_name: string;
  mobile: string;
  email: string | null;
  /** employer, for a customer buying through a company */
  company: string | null;
  /** where the customer lives, 시/도 and 시/군/구 at most: "서울 강남구" */
  region: string | null;
}

/** OM (the shop): its users, as they signed up. */
export interface OmRow {
  user_name: string;
  phone_no: string;
  email_addr: string;
  /** YYYYMMDD, null when the user skipped it */
  birth_ymd: string | null;
  gender: 'M' | 'F' | null;
  addr: string | null;
}

/** CX (the support desk): contacts as agents recorded them on calls. */
export interface CxRow {
  full_name: string;
  phones: string[];
  email: string | null;
  address: string | null;
  /** the front of the resident registration number and its gender digit ("900102-1"), when the agent asked */
  rrn_front?: string;
}

interface Base {
  /** unique across sources: "DI:C00000001" (customer), "DI:K00000001" (consultation contact), "OM:U00000001", "CX:00000001" */
  key: string;
  /** the ground truth: who this record really is */
  personId: string;
  /** ISO time the source last changed the record */
  updatedAt: string;
  /** the noise this record was given, e.g. `name-typo`, `phone:+82`, `address:moved-from`, `phone:family` */
  noise: string[];
}

export type SimulatedRecord =
  | (Base & { source: 'DI'; kind: 'customer' | 'consultation'; row: DiRow })
  | (Base & { source: 'OM'; row: OmRow })
  | (Base & { source: 'CX'; row: CxRow });

/** A record read into the cleansing input, the way the L0 -> L1 step will read each source's columns. */
export function toSourceRecord(r: SimulatedRecord): SourceRecord {
  switch (r.source) {
    case 'DI':
      return { name: r.row.customer_name, phones: [r.row.mobile], email: r.row.email, address: r.row.region };
    case 'OM':
      return { name: r.row.user_name, phones: [r.row.phone_no], email: r.row.email_addr, birth: r.row.birth_ymd, address: r.row.addr };
    case 'CX':
      return { name: r.row.full_name, phones: r.row.phones, email: r.row.email, birth: r.row.rrn_front, address: r.row.address };
  }
}

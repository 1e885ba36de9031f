import type { CleanAddress } from '../cleansing/address';
import type { Gender } from '../cleansing/birth';
import type { L1Record } from '../cleansing/cleanse';
import { DEFAULT_UNIFY_CONFIG, type UnifyConfig } from './config';
import { emailContactPoints, phoneContactPoints, type ContactPoint } from './contact-points';
import { reconcile, type Candidate, type Origin, type Provenance } from './reconcile';

/** One L1 record of the profile being unified. */
export interface UnifyRecord {
  /** unique across sources ("OM:U00000001") */
  key: string;
  /** channel code ("DI", "OM", "CX"), what source-priority rules name */
  source: string;
  /** when the source last changed the record */
  updatedAt: string | Date;
  l1: L1Record;
  /** a gender the source keeps in a column of its own (the shop's); otherwise the registration number's, if any */
  gender?: Gender | null;
}

export interface GoldenAddress {
  /** canonical: "서울특별시 강남구 테헤란로 152, 101동 1203호" */
  text: string;
  sido: string | null;
  sigungu: string | null;
  district: string | null;
  street: string;
  unit: string | null;
  postcode: string | null;
}

export interface GoldenField<T> {
  value: T;
  provenance: Provenance;
}

/** The unified profile's fields, each with the record that won and the rule that chose it; null when no record had one. */
export interface GoldenRecord {
  name: GoldenField<string> | null;
  /** YYYY-MM-DD */
  birthDate: GoldenField<string> | null;
  gender: GoldenField<Gender> | null;
  address: GoldenField<GoldenAddress> | null;
  phones: ContactPoint[];
  emails: ContactPoint[];
  /** the source records, in key order */
  records: string[];
  /** ISO time of the newest record */
  updatedAt: string;
}

function time(r: UnifyRecord): number {
  const t = r.updatedAt instanceof Date ? r.updatedAt.getTime() : Date.parse(r.updatedAt);
  if (Number.isNaN(t)) throw new RangeError(`record ${r.key}: updatedAt ${String(r.updatedAt)} is not a time`);
  return t;
}

const goldenAddress = (a: CleanAddress): GoldenAddress => ({
  text: a.unit ? `${a.normalised}, ${a.unit}` : a.normalised,
  sido: a.sido, sigungu: a.sigungu, district: a.district, street: a.street, unit: a.unit, postcode: a.postcode,
});

/** A street address with its 시/도 beats one without either: a DI region is no match for a full address. */
const completeness = (a: CleanAddress) => (a.street ? 2 : 0) + (a.sido ? 1 : 0);

/**
 * The golden record of one profile from its L1 records: names, birth dates, genders and addresses reconciled by the
 * configured rules (empty, invalid and unusable values are never candidates), every phone and email kept as contact
 * points. Pure and independent of the order of `records`.
 *
 * Addresses compete only with the most complete ones there are (street and 시/도, then a street alone, then a 시/도 and
 * district alone): a DI region ("서울 강남구") is a candidate only when no record has a street address, so a newer
 * region never replaces a full address. Of records holding the same address, the one with its unit and postcode shows it.
 */
export function unify(records: readonly UnifyRecord[], config: UnifyConfig = DEFAULT_UNIFY_CONFIG): GoldenRecord {
  if (!records.length) throw new RangeError('a profile has at least one record');
  const rs = records.map((r) => ({ ...r, origin: { key: r.key, source: r.source, updatedAt: time(r) } satisfies Origin }));
  const keys = new Set<string>();
  for (const r of rs) {
    if (keys.has(r.key)) throw new RangeError(`record ${r.key} given twice`);
    keys.add(r.key);
  }

  const names: Candidate<string>[] = [], births: Candidate<string>[] = [], genders: Candidate<Gender>[] = [];
  const addresses: (Candidate<GoldenAddress> & { completeness: number })[] = [];
  for (const r of rs) {
    const { name, birth, address } = r.l1;
    if (name?.key) names.push({ origin: r.origin, value: name.display, compareAs: name.key });
    if (birth?.date) births.push({ origin: r.origin, value: birth.date, compareAs: birth.date });
    const gender = r.gender ?? birth?.gender;
    if (gender) genders.push({ origin: r.origin, value: gender, compareAs: gender });
    if (address?.normalised) {
      const richness = (address.unit ? 2 : 0) + (address.postcode ? 1 : 0);
      addresses.push({ origin: r.origin, value: goldenAddress(address), compareAs: address.normalised, richness, completeness: completeness(address) });
    }
  }
  const best = Math.max(0, ...addresses.map((a) => a.completeness));

  return {
    name: reconcile(names, config.fields.name),
    birthDate: reconcile(births, config.fields.birthDate),
    gender: reconcile(genders, config.fields.gender),
    address: reconcile(addresses.filter((a) => a.completeness === best), config.fields.address),
    phones: phoneContactPoints(rs),
    emails: emailContactPoints(rs),
    records: [...keys].sort(),
    updatedAt: new Date(rs.reduce((t, r) => Math.max(t, r.origin.updatedAt), -Infinity)).toISOString(),
  };
}

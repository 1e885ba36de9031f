import type { Home } from './korean';
import { writeAddress, writeCompany, writeEmail, writeName, writePhone, writeRegion, type NoiseRates } from './noise';
import { chance, type Rng } from './random';
import type { CxRow, SimulatedRecord, SourceName } from './sources';

/** One person as the records see them: each changing value with the record index from which the new one shows. */
export interface Plan {
  personId: string;
  surname: string;
  given: string;
  gender: 'M' | 'F';
  birthDate: string;
  /** [old, new]; `movedAt` etc. = the first record with the new one (the record count when nothing changed) */
  homes: Home[]; movedAt: number;
  mobiles: string[]; mobileAt: number;
  emails: string[]; emailAt: number;
  landline: string | null;
  /** the household head's mobile and email, for a family member's record at `familyMobileSlot` / `familyEmailSlot` */
  headMobile: string; headEmail: string;
  familyMobileSlot: number; familyEmailSlot: number;
  count: number;
}

export interface Slot {
  source: SourceName;
  at: number;
  /** a DI consultation contact, a second OM account, a duplicate CX contact */
  second: boolean;
}

export interface RecordContext {
  rng: Rng;
  rates: NoiseRates;
  counters: { C: number; K: number; U: number; X: number };
  /** a new unique email of this person, for a second shop account */
  newEmail: (plan: Plan) => string;
}

const pad8 = (n: number) => String(n).padStart(8, '0');

/** The day with one digit wrong (still a real date). */
function mistypedDay(rng: Rng, date: string): string {
  const day = Number(date.slice(8));
  const wrong = day >= 28 ? day - 1 : day <= 1 ? 2 : day + (chance(rng, 0.5) ? 1 : -1);
  return `${date.slice(0, 8)}${String(wrong).padStart(2, '0')}`;
}

function birth(c: RecordContext, p: Plan, noise: string[]): string {
  if (!chance(c.rng, c.rates.birthTypo)) return p.birthDate;
  noise.push('birth:typo');
  return mistypedDay(c.rng, p.birthDate);
}

function optionalEmail(c: RecordContext, email: string, missing: number, noise: string[]): string | null {
  if (!chance(c.rng, missing)) return writeEmail(c.rng, c.rates, email, noise);
  noise.push('email:missing');
  if (!chance(c.rng, c.rates.placeholderEmail)) return null;
  noise.push('email:placeholder');
  return 'none@none.com';
}

function missing(rng: Rng, p: number, noise: string[], tag: string): boolean {
  if (!chance(rng, p)) return false;
  noise.push(tag);
  return true;
}

/** The record at index `s` (oldest first) of a person's slots, in its source's shape, with its noise. */
export function writeRecord(c: RecordContext, p: Plan, slot: Slot, s: number): SimulatedRecord {
  const { rng, rates } = c;
  const { source } = slot;
  const noise: string[] = [];
  const home = p.homes[s >= p.movedAt ? 1 : 0]!;
  if (p.movedAt < p.count) noise.push(s >= p.movedAt ? 'address:moved' : 'address:before-move');
  let mobile = p.mobiles[s >= p.mobileAt ? 1 : 0]!;
  if (s === p.familyMobileSlot) { mobile = p.headMobile; noise.push('phone:family'); }
  let email = slot.second && source === 'OM' ? c.newEmail(p) : p.emails[s >= p.emailAt ? 1 : 0]!;
  if (s === p.familyEmailSlot) { email = p.headEmail; noise.push('email:family'); }
  if (p.emailAt < p.count) noise.push(s >= p.emailAt ? 'email:new' : 'email:old');
  if (slot.second) noise.push(source === 'DI' ? 'di:consultation' : source === 'OM' ? 'om:second-account' : 'cx:duplicate');
  const name = writeName(rng, rates, source, p.surname, p.given, noise);
  const { personId } = p;
  const updatedAt = new Date(slot.at).toISOString();

  if (source === 'DI') {
    const landline = p.landline && s !== p.familyMobileSlot && chance(rng, rates.landlineInDi) ? p.landline : null;
    if (landline) noise.push('phone:landline');
    return {
      source, personId, updatedAt, noise, kind: slot.second ? 'consultation' : 'customer', key: slot.second ? `DI:K${pad8(++c.counters.K)}` : `DI:C${pad8(++c.counters.C)}`,
      row: {
        customer_name: name,
        mobile: writePhone(rng, source, landline ?? mobile, noise),
        email: optionalEmail(c, email, rates.diEmailMissing, noise),
        company: chance(rng, 0.25) ? writeCompany(rng) : null,
        region: missing(rng, rates.diRegionMissing, noise, 'address:missing') ? null : writeRegion(rng, home, noise),
      },
    };
  }
  if (source === 'OM') {
    return {
      source, personId, updatedAt, noise, key: `OM:U${pad8(++c.counters.U)}`,
      row: {
        user_name: name,
        phone_no: writePhone(rng, source, mobile, noise),
        email_addr: writeEmail(rng, rates, email, noise),
        birth_ymd: missing(rng, rates.omBirthMissing, noise, 'birth:missing') ? null : birth(c, p, noise).replace(/-/g, ''),
        gender: p.gender,
        addr: missing(rng, rates.omAddrMissing, noise, 'address:missing') ? null : writeAddress(rng, rates, source, home, noise),
      },
    };
  }
  const phones = [writePhone(rng, source, mobile, noise)];
  // an agent who kept the old number beside the new one
  if (s >= p.mobileAt && s !== p.familyMobileSlot && chance(rng, 0.3)) {
    phones.push(writePhone(rng, source, p.mobiles[0]!, noise));
    noise.push('phone:old-kept');
  }
  if (p.landline && chance(rng, rates.landlineInCx)) {
    phones.splice(chance(rng, 0.3) ? 0 : phones.length, 0, writePhone(rng, source, p.landline, noise));
    noise.push('phone:landline');
  }
  const row: CxRow = {
    full_name: name, phones,
    email: optionalEmail(c, email, rates.cxEmailMissing, noise),
    address: missing(rng, rates.cxAddressMissing, noise, 'address:missing') ? null : writeAddress(rng, rates, source, home, noise),
  };
  if (chance(rng, rates.cxRrn)) {
    const b = birth(c, p, noise);
    const digit = (Number(b.slice(0, 4)) >= 2000 ? 2 : 0) + (p.gender === 'M' ? 1 : 2);
    row.rrn_front = `${b.slice(2, 4)}${b.slice(5, 7)}${b.slice(8, 10)}-${digit}`;
  }
  return { source, personId, updatedAt, noise, key: `CX:${pad8(++c.counters.X)}`, row };
}

import { disassemble } from 'es-hangul';
import { cleanAddress, type CleanAddress } from './address';
import { cleanBirth, type CleanBirth } from './birth';
import { cleanEmail, type CleanEmail } from './email';
import { cleanName, type CleanName } from './name';
import { cleanPhone, type CleanPhone } from './phone';

/** A customer as a source system (L0) holds it, in whatever format it wrote. */
export interface SourceRecord {
  name?: string | null;
  phones?: readonly (string | null | undefined)[] | null;
  email?: string | null;
  /** a date in any of cleanBirth's formats, or a resident registration number (only its date and gender are kept) */
  birth?: string | number | Date | null;
  address?: string | null;
}

/** The L1 record: every field cleansed, its blocking keys and its flags. */
export interface L1Record {
  name: CleanName | null;
  /** valid numbers once each (the first way it was written), invalid ones as written */
  phones: CleanPhone[];
  email: CleanEmail | null;
  birth: CleanBirth | null;
  address: CleanAddress | null;
  /**
   * Blocking keys: a record is compared only with records sharing one. `phone:+8210…` (numbers that may link alone),
   * `email:…` (valid, not a placeholder), `name-birth:<surname jamo>|<date>` (any given-name typo), `name-year:<initials>|<year>`
   * and `name-district:<initials>|<district>` (typos in vowels and finals: 김민준 and 김민중 are both ㄱㅁㅈ).
   */
  keys: string[];
  /** `field:flag`, e.g. `phone:shared`, `email:invalid`, `name:corporate`, `birth:pivoted`, `address:no-sido` */
  flags: string[];
}

const present = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

/** Hangul names of two syllables or more, Latin names of three letters or more: shorter ones make blocks too large. */
function nameBlocks(n: CleanName): { prefix: string; skeleton: string } | null {
  if (n.script === 'hangul' && n.initials.length >= 2) return { prefix: disassemble(n.key[0]!), skeleton: n.initials };
  const letters = n.key.replace(/ /g, '');
  if (n.script === 'latin' && letters.length >= 3) return { prefix: letters.slice(0, 3), skeleton: letters };
  return null;
}

/**
 * Cleanse one source record into L1. Pure and deterministic for a given `today` (which only decides the century of
 * six-digit dates without a gender digit; pass it for repeatable runs).
 */
export function cleanse(record: SourceRecord, { today }: { today?: string } = {}): L1Record {
  const name = present(record.name) ? cleanName(record.name) : null;
  const email = present(record.email) ? cleanEmail(record.email) : null;
  const birth = record.birth instanceof Date || typeof record.birth === 'number' || present(record.birth) ? cleanBirth(record.birth, { today }) : null;
  const address = present(record.address) ? cleanAddress(record.address) : null;

  const phones: CleanPhone[] = [];
  const seen = new Set<string>();
  for (const raw of record.phones ?? []) {
    if (!present(raw)) continue;
    const p = cleanPhone(raw);
    const id = p.e164 ?? `raw:${p.raw}`;
    if (seen.has(id)) continue;
    seen.add(id);
    phones.push(p);
  }

  const keys = new Set<string>();
  for (const p of phones) if (p.alone) keys.add(`phone:${p.e164}`);
  if (email?.matchable) keys.add(`email:${email.value}`);
  const blocks = name && nameBlocks(name);
  if (blocks && birth?.date) {
    keys.add(`name-birth:${blocks.prefix}|${birth.date}`);
    keys.add(`name-year:${blocks.skeleton}|${birth.year}`);
  }
  if (blocks && address?.district) keys.add(`name-district:${blocks.skeleton}|${address.district}`);

  const flags = new Set<string>();
  for (const f of name?.flags ?? []) flags.add(`name:${f}`);
  for (const p of phones) if (p.kind === 'invalid' || p.kind === 'shared') flags.add(`phone:${p.kind}`);
  for (const f of email?.flags ?? []) flags.add(`email:${f}`);
  for (const f of birth?.flags ?? []) flags.add(`birth:${f}`);
  for (const f of address?.flags ?? []) flags.add(`address:${f}`);

  return { name, phones, email, birth, address, keys: [...keys], flags: [...flags] };
}

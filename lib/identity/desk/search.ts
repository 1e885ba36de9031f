/**
 * Staff's customer search: a phone in any format (E.164 after cleansing), an email (trimmed, lower case), or a name,
 * spacing- and typo-tolerant: the name's initial consonants find candidates (a typo in a vowel or a final keeps
 * them: 김민준 / 김민중 are both ㄱㅁㅈ), ranked by Jaro-Winkler on the jamo form, as the match rules compare names.
 */
import { cleanEmail } from '../cleansing/email';
import { cleanName } from '../cleansing/name';
import { cleanPhone } from '../cleansing/phone';
import { jaroWinkler } from '../matching/jaro-winkler';
import { disassemble } from 'es-hangul';
import type { Sql } from '../store/sql';

export interface CustomerHit {
  profileId: string;
  name: string | null;
  birthDate: string | null;
  phones: string[];
  emails: string[];
  records: number;
  /** what found it: "phone +8210…", "email …", "name 김민준 (0.97)" */
  matchedBy: string;
  score: number;
}

export type SearchKind = 'phone' | 'email' | 'name';

export function searchKind(q: string): SearchKind {
  if (q.includes('@')) return 'email';
  const digits = q.replace(/[\s\-().+]/g, '');
  if (/^\d{7,}$/.test(digits)) return 'phone';
  return 'name';
}

const MIN_NAME_SCORE = 0.85;

export async function searchCustomers(sql: Sql, q: string, limit = 20): Promise<{ kind: SearchKind; hits: CustomerHit[] }> {
  const kind = searchKind(q);
  let found: { profileId: string; matchedBy: string; score: number }[] = [];
  if (kind === 'phone') {
    const p = cleanPhone(q);
    const value = p.e164 ?? q.replace(/\D/g, '');
    const rows = (await sql.query<{ profileId: string }>(`SELECT DISTINCT "profileId" FROM "IdentityRecord" WHERE phones @> ARRAY[$1]::text[] AND "profileId" IS NOT NULL LIMIT $2`, [value, limit])).rows;
    found = rows.map((r) => ({ profileId: r.profileId, matchedBy: `phone ${value}`, score: 1 }));
  } else if (kind === 'email') {
    const e = cleanEmail(q);
    const rows = (await sql.query<{ profileId: string }>(`SELECT DISTINCT "profileId" FROM "IdentityRecord" WHERE email = $1 AND "profileId" IS NOT NULL LIMIT $2`, [e.value, limit])).rows;
    found = rows.map((r) => ({ profileId: r.profileId, matchedBy: `email ${e.value}`, score: 1 }));
  } else {
    const n = cleanName(q);
    const key = n.key.replace(/ /g, '');
    const rows = (await sql.query<{ profileId: string; name: string }>(
      `(SELECT "profileId", name FROM "IdentityRecord" WHERE name = $1 AND "profileId" IS NOT NULL LIMIT 200)
       UNION (SELECT "profileId", name FROM "IdentityRecord" WHERE initials = $2 AND $2 <> '' AND "profileId" IS NOT NULL LIMIT 2000)
       UNION (SELECT "profileId", name FROM "IdentityRecord" WHERE name LIKE $3 AND "profileId" IS NOT NULL LIMIT 200)`,
      [key, n.initials, `${key.replace(/[%_\\]/g, '\\$&')}%`])).rows;
    const jamo = n.script === 'latin' ? key : disassemble(key);
    const best = new Map<string, { score: number; name: string }>();
    for (const r of rows) {
      const score = r.name === key ? 1 : jaroWinkler(jamo, n.script === 'latin' ? r.name : disassemble(r.name));
      if (score < MIN_NAME_SCORE) continue;
      const b = best.get(r.profileId);
      if (!b || score > b.score) best.set(r.profileId, { score, name: r.name });
    }
    found = [...best].map(([profileId, b]) => ({ profileId, matchedBy: `name ${b.name}${b.score < 1 ? ` (${b.score.toFixed(2)})` : ''}`, score: b.score }))
      .sort((x, y) => y.score - x.score).slice(0, limit);
  }
  if (!found.length) return { kind, hits: [] };
  const profiles = (await sql.query<{ id: string; golden: { name?: { value: string } | null; birthDate?: { value: string } | null }; contactPoints: { phones: { value: string }[]; emails: { value: string }[] }; records: string[] }>(
    `SELECT id, golden, "contactPoints", records FROM "IdentityProfile" WHERE id = ANY($1)`, [found.map((f) => f.profileId)])).rows;
  const byId = new Map(profiles.map((p) => [p.id, p]));
  return {
    kind,
    hits: found.flatMap((f) => {
      const p = byId.get(f.profileId);
      if (!p) return [];
      return [{ profileId: p.id, name: p.golden.name?.value ?? null, birthDate: p.golden.birthDate?.value ?? null, phones: p.contactPoints.phones.map((c) => c.value),
        emails: p.contactPoints.emails.map((c) => c.value), records: p.records.length, matchedBy: f.matchedBy, score: f.score }];
    }),
  };
}

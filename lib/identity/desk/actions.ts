/**
 * Staff's manual control over profiles, through the linker's own store code (one transaction, IDENTITY_LOCK):
 * split ("not the same person": a ban between the chosen records and the rest, kept through later changes), merge
 * ("same person": a manual link between the two profiles' oldest records) and erase (a person's records leave every
 * identity table, with tombstones on the L2 topic and an audit entry).
 */
import { randomUUID } from 'node:crypto';
import { TOPICS } from '../../platform/events/topics';
import { AppError } from '../../platform/errors';
import { applyChanges, type BatchResult } from '../store/apply';
import { SOURCE_TABLES } from '../store/source-records';
import type { Sql } from '../store/sql';
import { inTransaction } from './pool';
import type { EraseInput, MergeInput, SplitInput } from './schemas';

interface ProfileRow { id: string; records: string[] }

/** The profile an id names now (an absorbed id redirects to its heir), or NOT_FOUND. */
export async function currentProfile(sql: Sql, id: string): Promise<ProfileRow> {
  let at = id;
  for (let hops = 0; hops < 20; hops++) {
    const p = (await sql.query<ProfileRow>(`SELECT id, records FROM "IdentityProfile" WHERE id = $1`, [at])).rows[0];
    if (p) return p;
    const next = (await sql.query<{ redirectTo: string | null }>(`SELECT "redirectTo" FROM "IdentityProfileId" WHERE id = $1`, [at])).rows[0]?.redirectTo;
    if (!next) break;
    at = next;
  }
  throw new AppError('NOT_FOUND', `No customer profile ${id}: it was removed or erased, or never existed.`);
}

const opts = () => ({ profilesTopic: TOPICS.customer360Profiles });

export async function splitProfile(input: SplitInput, by: string): Promise<{ banId: string; result: BatchResult }> {
  return inTransaction(async (sql) => {
    const p = await currentProfile(sql, input.profileId);
    const chosen = new Set(input.recordKeys);
    const strangers = input.recordKeys.filter((k) => !p.records.includes(k));
    if (strangers.length) throw new AppError('INVALID', `${strangers.join(', ')} ${strangers.length === 1 ? 'is' : 'are'} not in this profile.`, { recordKeys: ['Choose records of this profile.'] });
    const rest = p.records.filter((k) => !chosen.has(k));
    if (rest.length === 0) throw new AppError('INVALID', 'Leave at least one record in the profile: choose the records that are another person.', { recordKeys: ['Leave at least one record.'] });
    const banId = `ban-${randomUUID()}`;
    const result = await applyChanges(sql, [{ type: 'ban', ban: { id: banId, a: [...chosen].sort(), b: rest }, by, why: input.why }], opts());
    return { banId, result };
  });
}

export async function mergeProfiles(input: MergeInput, by: string): Promise<{ mergeId: string; profileId: string; result: BatchResult }> {
  return inTransaction(async (sql) => {
    const [a, b] = [await currentProfile(sql, input.profileId), await currentProfile(sql, input.otherProfileId)];
    if (a.id === b.id) throw new AppError('CONFLICT', 'These are one profile already.', { otherProfileId: ['Already the same profile.'] });
    const mergeId = `merge-${randomUUID()}`;
    // asked for: the staff splits (bans) between the two profiles are lifted in the same batch, before the merge
    const bans = input.liftSplits ? (await sql.query<{ id: string }>(
      `SELECT id FROM "IdentityManual" WHERE kind = 'ban' AND "liftedAt" IS NULL AND ((a && $1 AND b && $2) OR (a && $2 AND b && $1))`, [a.records, b.records])).rows : [];
    const result = await applyChanges(sql, [
      ...bans.map((ban) => ({ type: 'lift' as const, id: ban.id, by, why: input.why })),
      { type: 'merge', merge: { id: mergeId, a: a.records[0]!, b: b.records[0]! }, by, why: input.why },
    ], opts());
    // a ban between them wins over a merge (no group holds both sides of a ban): say so rather than pretend
    const after = (await sql.query<{ profileId: string }>(`SELECT "profileId" FROM "IdentityRecord" WHERE key = ANY($1)`, [[a.records[0], b.records[0]]])).rows;
    if (new Set(after.map((r) => r.profileId)).size !== 1) {
      throw new AppError('CONFLICT', 'A staff split keeps some of these records apart: lift it first (see the profile history).', { otherProfileId: ['A staff split keeps these profiles apart: tick “Lift the split” to merge them anyway.'] });
    }
    return { mergeId, profileId: after[0]!.profileId, result };
  });
}

/**
 * Erase a person: the records of the profile leave L1, union (blocking keys), link and unify (the delete path, which
 * tombstones the profile on the L2 topic), then the profile's history, staff decisions naming them and unsent or
 * sent L2 messages carrying their data are deleted too, and the source systems' rows are deleted (Debezium's deletes
 * that follow find nothing left). What remains: an audit entry with the record keys, who and why, no personal data;
 * the keys also go to IdentityErasedRecord, so neither the DI/OM mirrors nor the linker take that record in again.
 */
export async function eraseProfile(input: EraseInput, by: string): Promise<{ erasureId: string; recordKeys: string[]; profileIds: string[] }> {
  return inTransaction(async (sql) => {
    const p = await currentProfile(sql, input.profileId);
    const keys = p.records;
    const result = await applyChanges(sql, keys.map((key) => ({ type: 'delete' as const, key })), opts());
    const ids = [...new Set([p.id, input.profileId, ...result.retired])];
    const redirected = (await sql.query<{ id: string }>(`SELECT id FROM "IdentityProfileId" WHERE "redirectTo" = ANY($1)`, [ids])).rows.map((r) => r.id);
    const allIds = [...new Set([...ids, ...redirected])];
    await sql.query(`DELETE FROM "IdentityEvent" WHERE "profileId" = ANY($1)`, [allIds]);
    const manual = (await sql.query<{ manualId: string }>(`SELECT DISTINCT "manualId" FROM "IdentityManualRecord" WHERE "recordKey" = ANY($1)`, [keys])).rows.map((r) => r.manualId);
    if (manual.length) {
      await sql.query(`DELETE FROM "IdentityManualRecord" WHERE "manualId" = ANY($1)`, [manual]);
      await sql.query(`DELETE FROM "IdentityManual" WHERE id = ANY($1)`, [manual]);
    }
    // L2 messages with their golden fields: the tombstones just written stay (they carry no data)
    await sql.query(`DELETE FROM "OutboxEvent" WHERE topic = $1 AND key = ANY($2) AND type <> 'tombstone'`, [TOPICS.customer360Profiles, allIds]);
    for (const t of SOURCE_TABLES) {
      const ids = keys.filter((k) => k.startsWith(t.keyPrefix)).map((k) => k.slice(t.keyPrefix.length));
      if (ids.length) await sql.query(`DELETE FROM ${t.table} WHERE ${t.idColumn} = ANY($1)`, [ids]);
    }
    const erasureId = randomUUID();
    await sql.query(`INSERT INTO "IdentityErasure" (id, "recordKeys", "profileIds", by, why) VALUES ($1, $2, $3, $4, $5)`, [erasureId, keys, allIds, by, input.why]);
    await sql.query(`INSERT INTO "IdentityErasedRecord" ("recordKey", "erasureId") SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`, [keys, erasureId]);
    return { erasureId, recordKeys: keys, profileIds: allIds };
  });
}

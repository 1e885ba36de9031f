import type { Db } from '../db';
import type { DeadLetterRow } from './from-message';

/**
 * Stores one dead letter. Idempotent: the same source message parked by the
 * same consumer (unique sourceTopic + partition + offset + consumer) is stored
 * once, however often the dead-letter topic is re-read. Returns whether it was new.
 */
export async function recordDeadLetter(db: Pick<Db, 'deadLetter'>, row: DeadLetterRow): Promise<boolean> {
  const { count } = await db.deadLetter.createMany({ data: [row], skipDuplicates: true });
  return count === 1;
}

import { Prisma } from '../../generated/prisma/client';

/** Thrown by a handler for a message that can never succeed; it goes to the dead-letter topic. */
export class PoisonMessageError extends Error {}

// Database errors that say "this event's data can never be written" (a missing
// referenced row, a value too long, a null in a required column, a malformed
// id), as opposed to "try again later" (connection lost, deadlock, timeout).
// Retrying the former forever would stall the whole partition behind one event.
const PERMANENT_DB_ERRORS = new Set(['P2000', 'P2003', 'P2011', 'P2012', 'P2023', 'P2025']);

/** The dead-letter reason when an error means the message can never be processed; null when it is worth retrying. */
export function poisonReason(e: unknown): string | null {
  if (e instanceof PoisonMessageError) return e.message;
  if (e instanceof Prisma.PrismaClientKnownRequestError && PERMANENT_DB_ERRORS.has(e.code)) {
    const detail = e.message.trim().split('\n').at(-1) ?? '';
    return `handler failed permanently (${e.code}): ${detail}`;
  }
  return null;
}

import { timingSafeEqual } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { AppError } from '../../platform/errors';
import { createKafka } from '../../platform/kafka/client';
import { currentViewer } from '../../platform/session/current-viewer';
import { publishStandardised, standardiseAll, type IntakeKind, type Refused } from './publish';

/** Records per request at most: a larger batch is refused whole (send it in parts). */
export const MAX_RECORDS = 10_000;

const keys = () => (process.env.INGEST_API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);

function keyMatches(given: string): boolean {
  return keys().some((k) => k.length === given.length && timingSafeEqual(Buffer.from(k), Buffer.from(given)));
}

/** A staff session, or an API key of INGEST_API_KEYS in `Authorization: Bearer <key>` or `X-API-Key`. */
export async function assertMayIngest(request: Request): Promise<void> {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const given = bearer ?? request.headers.get('x-api-key');
  if (given) {
    if (keyMatches(given.trim())) return;
    throw new AppError('UNAUTHENTICATED', 'That API key is not one of INGEST_API_KEYS.');
  }
  const viewer = await currentViewer();
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'You are not signed in (or your session ended): sign in as staff, or send an API key (Authorization: Bearer <key>).');
  if (viewer.role !== 'staff') throw new AppError('FORBIDDEN', 'Only staff or an API key may ingest records.');
}

// One producer per server process, kept across requests (and hot reloads in development).
const g = globalThis as unknown as { switchboardIngestProducer?: Promise<Producer> };
function producer(): Promise<Producer> {
  g.switchboardIngestProducer ??= (async () => {
    const p = createKafka('switchboard-ingest').producer({ allowAutoTopicCreation: false });
    await p.connect();
    return p;
  })().catch((e) => { g.switchboardIngestProducer = undefined; throw e; });
  return g.switchboardIngestProducer;
}

export interface IngestResult { accepted: number; rejected: Refused[] }

/** Every record refused: answered 400 with each one's reason. */
export class NoneAccepted extends AppError {
  constructor(readonly rejected: Refused[]) {
    super('INVALID', `None of the ${rejected.length} records was accepted; each one's reason is in "rejected".`);
  }
}

/** The route handler of POST /api/ingest/<kind>. */
export async function ingestResponse(kind: IntakeKind, request: Request): Promise<Response> {
  try {
    await assertMayIngest(request);
    let body: unknown;
    try { body = await request.json(); } catch { throw new AppError('INVALID', 'The body must be a JSON array of records.'); }
    return Response.json(await ingest(kind, body), { status: 200 });
  } catch (e) {
    if (e instanceof NoneAccepted) return Response.json({ error: e.code, message: e.message, accepted: 0, rejected: e.rejected }, { status: 400 });
    if (e instanceof AppError) return Response.json({ error: e.code, message: e.message }, { status: e.status });
    console.error('[api] ingest failed', e);
    return Response.json({ error: 'INTERNAL', message: 'Something went wrong on our side; send the records again.' }, { status: 500 });
  }
}

/**
 * A JSON array of records: the good ones are published, the bad ones answered with their index and reason. None
 * accepted (all bad, or an empty array) is a 400 with the reasons.
 */
export async function ingest(kind: IntakeKind, body: unknown): Promise<IngestResult> {
  if (!Array.isArray(body)) throw new AppError('INVALID', 'The body must be a JSON array of records.');
  if (!body.length) throw new AppError('INVALID', 'The array is empty: nothing to ingest.');
  if (body.length > MAX_RECORDS) throw new AppError('INVALID', `At most ${MAX_RECORDS} records per request (got ${body.length}); send them in parts.`);
  const { good, bad } = standardiseAll(kind, body);
  if (!good.length) throw new NoneAccepted(bad);
  try {
    await publishStandardised(await producer(), kind, good);
  } catch (e) {
    // Part of the batch may have gone out: sending it again is safe (the attributor drops a repeated eventId).
    throw new AppError('UNAVAILABLE', `Kafka did not take the records (${(e as Error).message}); send them again.`);
  }
  return { accepted: good.length, rejected: bad };
}

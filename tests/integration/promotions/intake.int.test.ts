// Issue 8, item 11 and item 1: the other ways in (POST /api/ingest/*, INGEST_DIR files) and the staff's
// promotion catalogue API, called as Next calls them, with next/headers' cookie jar mocked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KafkaMessage } from 'kafkajs';
import * as purchasesRoute from '@/app/api/ingest/purchases/route';
import * as behaviorsRoute from '@/app/api/ingest/promo-behaviors/route';
import * as promotionsRoute from '@/app/api/promotions/route';
import * as promotionRoute from '@/app/api/promotions/[id]/route';
import { db } from '@/lib/platform/db';
import { TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { makeAccount, tokenFor } from '../accounts';
import { makeCustomer, spawnWorker, waitFor, type WorkerProcess } from '../helpers';
import { readTopic } from './read-topic';

const jar = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'sb_session' && jar.token ? { name, value: jar.token } : undefined), set: () => {}, delete: () => {} }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const KEY = `it-key-${randomUUID()}`;
const kafka = createKafka('it-intake');
let staffToken = '';
let customerToken = '';
const running: WorkerProcess[] = [];
const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const put = (body: unknown) => new Request('http://localhost/api', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The topic's messages once `until` holds, and a second more (a repeat would come later in its partition). */
const readUntil = (topic: string, until: (ms: KafkaMessage[]) => boolean) => readTopic(kafka, topic, until, 20_000, 1_000);

beforeAll(async () => {
  process.env.INGEST_API_KEYS = `other-key, ${KEY}`;
  const staff = await makeAccount('staff');
  staffToken = await tokenFor(staff.id);
  const customer = await makeAccount('customer', await makeCustomer());
  customerToken = await tokenFor(customer.id);
});
afterAll(async () => { await Promise.all(running.map((w) => w.stop())); });

describe('POST /api/ingest/*', () => {
  it('publishes the good records in standard form and answers each bad one with its index and reason', async () => {
    jar.token = undefined;
    const userId = `IT_${randomUUID().slice(0, 8)}`;
    const good = { event_id: randomUUID(), purchase_id: `ing-${randomUUID()}`, user_id: userId, occurred_at: '2026-12-03 14:05:00', amount: '₩12,500',
      payment_method: 'Card', buyer: { name: '  김   민준 ', age: '34', gender: 'M' }, items: [{ product_id: 'P0000abcd', name: '패딩', category: 'FW(가을겨울)', quantity: 1, price: '12,500원' }] };
    const bad = { ...good, event_id: randomUUID(), amount: '1,0000', occurred_at: '2026-12-03T14:05:00' };
    const res = await purchasesRoute.POST(post([good, bad], { authorization: `Bearer ${KEY}` }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accepted: number; rejected: { index: number; reason: string }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected).toEqual([{ index: 1, reason: expect.stringMatching(/occurredAt: time "2026-12-03T14:05:00" has no offset.*amount: amount "1,0000"/) }]);
    const ms = await readUntil(TOPICS.purchase, (m) => m.some((x) => x.value!.toString().includes(good.purchase_id)));
    const published = JSON.parse(ms.find((x) => x.value!.toString().includes(good.purchase_id))!.value!.toString());
    expect(published).toMatchObject({ purchaseId: good.purchase_id, userId, occurredAt: '2026-12-03T14:05:00.000+09:00', amount: 12_500, buyer: { name: '김 민준', age: 34 } });
    expect(ms.find((x) => x.value!.toString().includes(good.purchase_id))!.key!.toString()).toBe(userId);
  });

  it('answers 400 with every reason when no record was accepted, 401 for a wrong key or nobody, 403 for a customer', async () => {
    jar.token = staffToken;
    const none = await behaviorsRoute.POST(post([{ eventId: 'x', action: 'like' }, 'not a record']));
    expect(none.status).toBe(400);
    const b = (await none.json()) as { accepted: number; rejected: { index: number; reason: string }[] };
    expect(b.accepted).toBe(0);
    expect(b.rejected.map((r) => r.index)).toEqual([0, 1]);
    expect(b.rejected[0]!.reason).toMatch(/action/);
    expect((await behaviorsRoute.POST(post('{"not": "an array"}'))).status).toBe(400);
    jar.token = undefined;
    expect((await behaviorsRoute.POST(post([], { 'x-api-key': 'wrong' }))).status).toBe(401);
    expect((await behaviorsRoute.POST(post([]))).status).toBe(401);
    jar.token = customerToken;
    expect((await behaviorsRoute.POST(post([]))).status).toBe(403);
  });
});

describe('INGEST_DIR', () => {
  it('publishes a file once, parks its bad lines with file and line number, and never reads it again after a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-'));
    process.env.INGEST_DIR = dir;
    fs.mkdirSync(path.join(dir, 'promo_behavior'), { recursive: true });
    const userId = `IT_${randomUUID().slice(0, 8)}`;
    const ids = [randomUUID(), randomUUID()];
    const name = `clicks-${Date.now()}.jsonl`;
    const lines = [
      JSON.stringify({ eventId: ids[0], userId, promotionId: 'PR-0001', action: 'view', occurredAt: Date.now() }),
      '{broken',
      JSON.stringify({ event_id: ids[1], user_id: userId, promotion_id: 'PR-0002', action: 'CLICK', occurred_at: '2026-12-03 14:00:00' }),
    ];
    fs.writeFileSync(path.join(dir, 'promo_behavior', `${name}.tmp`), lines.join('\n') + '\n');
    fs.renameSync(path.join(dir, 'promo_behavior', `${name}.tmp`), path.join(dir, 'promo_behavior', name));
    const w = spawnWorker('promotions-file-intake');
    running.push(w);
    await w.ready;
    await waitFor(() => db.ingestFile.findFirst({ where: { name: `promo_behavior/${name}`, finishedAt: { not: null } } }), 20_000, 'the file read');
    const row = (await db.ingestFile.findFirst({ where: { name: `promo_behavior/${name}` } }))!;
    expect([row.lines, row.accepted, row.rejected]).toEqual([3, 2, 1]);
    expect(fs.existsSync(path.join(dir, 'promo_behavior', 'done', name))).toBe(true);
    const published = await readUntil(TOPICS.promoBehavior, (m) => ids.every((id) => m.some((x) => x.value!.toString().includes(id))));
    expect(published.filter((x) => ids.some((id) => x.value!.toString().includes(id)))).toHaveLength(2);
    const dlq = await readUntil(TOPICS.deadLetter, (m) => m.some((x) => x.headers?.['dlq-source-file']?.toString() === `promo_behavior/${name}`));
    const parked = dlq.find((x) => x.headers?.['dlq-source-file']?.toString() === `promo_behavior/${name}`)!;
    expect(parked.headers!['dlq-source-line']!.toString()).toBe('2');
    expect(parked.headers!['dlq-reason']!.toString()).toMatch(/not JSON/);
    // the same file dropped in again (say, restored from a backup) after a restart: read once, not twice
    await w.stop();
    fs.copyFileSync(path.join(dir, 'promo_behavior', 'done', name), path.join(dir, 'promo_behavior', name));
    fs.utimesSync(path.join(dir, 'promo_behavior', name), new Date(Date.now() - 5_000), new Date(Date.now() - 5_000));
    const again = spawnWorker('promotions-file-intake');
    running.push(again);
    await again.ready;
    await waitFor(async () => !fs.existsSync(path.join(dir, 'promo_behavior', name)), 20_000, 'the file moved to done/ again');
    expect((await db.ingestFile.findFirst({ where: { name: `promo_behavior/${name}` } }))!.accepted).toBe(2);
    const after = await readUntil(TOPICS.promoBehavior, (m) => ids.every((id) => m.some((x) => x.value!.toString().includes(id))));
    expect(after.filter((x) => ids.some((id) => x.value!.toString().includes(id)))).toHaveLength(2);
  });
});

describe('promotions (staff)', () => {
  it('adds and changes a promotion, with a reason per field for bad input', async () => {
    jar.token = staffToken;
    const bad = await promotionsRoute.POST(post({ name: 'x', channel: 'TV', discountRate: 120, startsAt: '2026-12-24 09:00', endsAt: '2026-12-01 09:00', categories: ['가구'] }));
    expect(bad.status).toBe(400);
    const errs = ((await bad.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(errs).sort()).toEqual(expect.arrayContaining(['name', 'channel', 'discountRate']));
    const input = { name: '연말 감사 세일', channel: 'PUSH', discountRate: 15, startsAt: '2026-12-24T09:00', endsAt: '2026-12-31 23:59', categories: ['캠핑'] };
    const created = await promotionsRoute.POST(post(input));
    expect(created.status).toBe(201);
    const p = ((await created.json()) as { promotion: { id: string; startsAt: string } }).promotion;
    expect(p).toMatchObject({ id: expect.stringMatching(/^PR-\d{4}$/), startsAt: '2026-12-24T09:00:00.000+09:00' });
    const changed = await promotionRoute.PUT(put({ ...input, discountRate: 20 }), { params: Promise.resolve({ id: p.id }) });
    expect(((await changed.json()) as { promotion: { discountRate: number } }).promotion.discountRate).toBe(20);
    expect((await promotionRoute.PUT(put(input), { params: Promise.resolve({ id: 'PR-9999' }) })).status).toBe(404);
    jar.token = customerToken;
    expect((await promotionsRoute.POST(post(input))).status).toBe(403);
  });
});

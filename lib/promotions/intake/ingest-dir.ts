/**
 * INGEST_DIR: JSON-lines files of purchases or promotion behaviour, dropped into <INGEST_DIR>/purchase/ or
 * <INGEST_DIR>/promo_behavior/ (seed 001's log-file way in). A file is taken once it has not changed for a second
 * (or write it as *.tmp and rename it), read line by line, its good lines published, its bad lines parked on the
 * dead-letter topic with the file name and line number, and then moved to done/. PostgreSQL records each file
 * (by name and content hash) and how far it got, so a restart resumes a file after its last published line and
 * never reads a finished one again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Producer } from 'kafkajs';
import type { Db } from '../../platform/db';
import { TOPICS } from '../../platform/events/topics';
import { publishStandardised, standardiseAll, type IntakeKind } from './publish';

export const INTAKE_KINDS: IntakeKind[] = ['purchase', 'promo_behavior'];
const CHUNK = 1_000;
const SETTLE_MS = 1_000;

export interface FileResult { name: string; lines: number; accepted: number; rejected: number; resumedAt: number }

/** Files ready to read: *.jsonl / *.ndjson, not changed for SETTLE_MS. */
export function readyFiles(dir: string, now = Date.now()): { kind: IntakeKind; file: string }[] {
  const out: { kind: IntakeKind; file: string }[] = [];
  for (const kind of INTAKE_KINDS) {
    const sub = path.join(dir, kind);
    if (!fs.existsSync(sub)) continue;
    for (const f of fs.readdirSync(sub).sort()) {
      if (!/\.(jsonl|ndjson)$/.test(f)) continue;
      const st = fs.statSync(path.join(sub, f));
      if (st.isFile() && now - st.mtimeMs >= SETTLE_MS) out.push({ kind, file: path.join(sub, f) });
    }
  }
  return out;
}

async function parkLine(producer: Producer, consumer: string, name: string, lineNo: number, line: string, reason: string) {
  await producer.send({
    topic: TOPICS.deadLetter, acks: -1,
    messages: [{ key: null, value: line, headers: {
      'dlq-reason': reason.slice(0, 2000), 'dlq-consumer': consumer, 'dlq-source-topic': `INGEST_DIR/${name}`,
      'dlq-source-partition': '0', 'dlq-source-offset': String(lineNo), 'dlq-source-file': name, 'dlq-source-line': String(lineNo), 'dlq-at': new Date().toISOString(),
    } }],
  });
}

/** Reads one file (or the rest of it), then moves it to done/. */
export async function ingestFile(o: { db: Db; producer: Producer; consumer: string; kind: IntakeKind; file: string }): Promise<FileResult> {
  const { db, producer, kind, file } = o;
  const content = fs.readFileSync(file);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const name = `${kind}/${path.basename(file)}`;
  const lines = content.toString('utf8').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const row = await db.ingestFile.upsert({ where: { name_sha256: { name, sha256 } }, create: { name, sha256, lines: lines.length }, update: {} });
  let done = row.linesDone;
  let { accepted, rejected } = row;
  const resumedAt = done;
  while (!row.finishedAt && done < lines.length) {
    const chunk = lines.slice(done, done + CHUNK);
    const parsed: unknown[] = [];
    const notJson: { at: number; reason: string }[] = [];
    chunk.forEach((l, i) => {
      if (!l.trim()) { parsed.push(undefined); return; }
      try { parsed.push(JSON.parse(l)); } catch (e) { parsed.push(undefined); notJson.push({ at: i, reason: `not JSON: ${(e as Error).message}` }); }
    });
    const present = parsed.map((p, i) => ({ p, i })).filter((x) => x.p !== undefined);
    const { good, bad } = standardiseAll(kind, present.map((x) => x.p));
    await publishStandardised(producer, kind, good);
    const refused = [...notJson, ...bad.map((b) => ({ at: present[b.index]!.i, reason: b.reason }))];
    for (const r of refused) await parkLine(producer, o.consumer, name, done + r.at + 1, chunk[r.at]!, r.reason);
    accepted += good.length;
    rejected += refused.length;
    done += chunk.length;
    await db.ingestFile.update({ where: { name_sha256: { name, sha256 } }, data: { linesDone: done, accepted, rejected } });
  }
  if (!row.finishedAt) await db.ingestFile.update({ where: { name_sha256: { name, sha256 } }, data: { finishedAt: new Date() } });
  const doneDir = path.join(path.dirname(file), 'done');
  fs.mkdirSync(doneDir, { recursive: true });
  fs.renameSync(file, path.join(doneDir, path.basename(file)));
  return { name, lines: lines.length, accepted, rejected, resumedAt };
}

/**
 * PostgreSQL COPY for the identity store's bulk load: rows streamed in text format (pg-copy-streams), buffered into
 * 256 kB writes, with the stream's back-pressure respected so memory stays flat however many rows go through.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A text-format COPY field: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
}

/** A text[] literal for COPY: each element double-quoted (the quote and backslash escaped), then the field escaped. */
export function copyTextArray(xs: readonly string[]): string {
  return copyField(`{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`);
}

/** Lines written to a writable (a COPY stream or a file) in large chunks, waiting when it asks to. */
export class LineWriter {
  private buf: string[] = [];
  private size = 0;
  lines = 0;

  constructor(private readonly out: Writable, private readonly chunk = 256 * 1024) {}

  /**
   * One row: its fields already escaped and joined by tabs, without the newline. Returns a promise only when the
   * chunk was written out (await it: the stream may be full); most rows return nothing, and cost no await.
   */
  write(line: string): Promise<void> | undefined {
    this.buf.push(line);
    this.size += line.length + 1;
    this.lines++;
    return this.size >= this.chunk ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (!this.buf.length) return;
    const data = this.buf.join('\n') + '\n';
    this.buf = [];
    this.size = 0;
    if (!this.out.write(data)) await once(this.out, 'drain');
  }

  /** Give up (an error elsewhere): a COPY stream sends CopyFail, so its connection can roll back instead of hanging. */
  async abort(why: Error): Promise<void> {
    if (this.out.writableFinished || this.out.destroyed) return;
    const closed = once(this.out, 'close').catch(() => {});
    this.out.destroy(why);
    await closed;
  }

  async end(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

const copySql = (table: string, columns: readonly string[], freeze?: boolean) =>
  `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN${freeze ? ' WITH (FREEZE)' : ''}`;

/**
 * COPY `table (columns)` FROM STDIN on `client`: write lines, then `end()` (resolves when PostgreSQL took them all).
 * `freeze`: rows written frozen and visible to all, with the visibility map set (no hint-bit writes or vacuum to
 * come, index-only scans at once); only into a table truncated in the same transaction.
 */
export function copyInto(client: pg.ClientBase, table: string, columns: readonly string[], { freeze = false } = {}): LineWriter {
  return new LineWriter(client.query(copyFrom(copySql(table, columns, freeze))));
}

/** A file of COPY lines, loaded later with `copyFile` (COPY is one table at a time on a connection). */
export function fileWriter(file: string): LineWriter {
  return new LineWriter(fs.createWriteStream(file));
}

export async function copyFile(client: pg.ClientBase, table: string, columns: readonly string[], file: string, { freeze = false } = {}): Promise<void> {
  await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(copySql(table, columns, freeze))));
}

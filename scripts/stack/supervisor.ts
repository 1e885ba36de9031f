// Runs one long-lived child (web server, worker) in its own process group: prefixes its output, keeps the console
// from flooding (full output goes to <dataDir>/logs/<name>.log), detects readiness, restarts it with backoff when it
// exits unexpectedly (workers exit on fatal Kafka errors and rely on this), and stops the whole group on request.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { PidFile } from './proc';
import { sleep, stopGroup } from './proc';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logDir: string;
  /** lines that, once each has been seen, mean "ready" (a process of several workers: one per worker);
   *  without them, ready = still running after 1 s */
  readyLines?: RegExp[];
  /** extra readiness check (e.g. HTTP answers), polled after spawn */
  probe?: () => Promise<boolean>;
  readyTimeoutMs?: number;
  /** its lines already say which worker wrote them ("[worker] …"): print them without the process name */
  selfPrefixed?: boolean;
}

const WINDOW_MS = 5000;
const LINES_PER_WINDOW = 40;

export class Supervised {
  private child: ChildProcess | undefined;
  private stopping = false;
  private restarts = 0;
  private lastStart = 0;
  private printed = 0;
  private suppressed = 0;
  private windowStart = 0;
  private logStream: fs.WriteStream;
  private markReady: (how: string) => void = () => {};
  private readonly seen = new Set<number>(); // readyLines seen so far
  /** resolves once: ready line / probe / alive after 1 s, or 'timeout' after readyTimeoutMs */
  readonly ready: Promise<string>;

  constructor(private readonly spec: ChildSpec, private readonly pids: PidFile, private readonly say: (l: string) => void) {
    fs.mkdirSync(spec.logDir, { recursive: true });
    this.logStream = fs.createWriteStream(path.join(spec.logDir, `${spec.name}.log`), { flags: 'a' });
    this.ready = new Promise((resolve) => { this.markReady = resolve; });
    setTimeout(() => this.markReady('timeout'), spec.readyTimeoutMs ?? 20_000).unref();
  }

  start(): void {
    const { spec } = this;
    this.lastStart = Date.now();
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.pids.set(spec.name, child.pid);
    this.logStream.write(`--- ${new Date().toISOString()} start pid ${child.pid}\n`);
    for (const stream of [child.stdout!, child.stderr!]) readline.createInterface({ input: stream }).on('line', (l) => this.line(l));
    child.once('error', (e) => this.say(`[${spec.name}] could not start: ${e.message}`));
    if (!spec.readyLines?.length && !spec.probe) setTimeout(() => { if (this.child === child && child.exitCode === null) this.markReady('running'); }, 1000).unref();
    if (spec.probe) void this.poll(child);
    child.once('exit', (code, signal) => void this.exited(child, code, signal));
  }

  private async poll(child: ChildProcess): Promise<void> {
    while (this.child === child && child.exitCode === null && !this.stopping) {
      if (await this.spec.probe!().catch(() => false)) { this.markReady('probe'); return; }
      await sleep(200);
    }
  }

  private line(l: string): void {
    const { name, readyLines } = this.spec;
    this.logStream.write(l + '\n');
    if (readyLines) {
      for (const [i, re] of readyLines.entries()) if (re.test(l)) this.seen.add(i);
      if (this.seen.size === readyLines.length) this.markReady('line');
    }
    const now = Date.now();
    if (now - this.windowStart > WINDOW_MS) {
      if (this.suppressed) this.say(`[${name}] … ${this.suppressed} more lines in ${path.join(this.spec.logDir, `${name}.log`)}`);
      this.windowStart = now; this.printed = 0; this.suppressed = 0;
    }
    if (++this.printed > LINES_PER_WINDOW) { this.suppressed++; return; }
    // workers already prefix their lines with "[name]"; don't double it
    this.say(l.startsWith(`[${name}]`) || (this.spec.selfPrefixed && l.startsWith('[')) ? l : `[${name}] ${l}`);
  }

  private async exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    if (this.stopping || this.child !== child) return;
    // a run longer than 30 s counts as healthy: start the backoff over
    if (Date.now() - this.lastStart > 30_000) this.restarts = 0;
    const delay = Math.min(1000 * 2 ** this.restarts++, 10_000);
    this.say(`[${this.spec.name}] exited unexpectedly (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s`);
    await stopGroup(child.pid!, 'SIGTERM', 2000); // grandchildren it may have left behind
    await sleep(delay);
    if (!this.stopping) this.start();
  }

  /** SIGTERM the process group, SIGKILL whatever is left after timeoutMs. */
  async stop(timeoutMs = 5000): Promise<'clean' | 'killed'> {
    this.stopping = true;
    const pid = this.child?.pid;
    const how = pid ? await stopGroup(pid, 'SIGTERM', timeoutMs) : 'clean';
    if (how === 'killed') this.say(`[${this.spec.name}] did not stop within ${timeoutMs / 1000} s, killed`);
    this.pids.set(this.spec.name, undefined);
    this.logStream.end();
    return how;
  }
}

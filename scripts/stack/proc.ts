// Process-group helpers shared by the stack runner. Every server/child runs in its own process group
// (spawn detached) so one signal reaches all of it (`next start` forks next-server; postgres forks backends),
// and a Ctrl-C on the terminal reaches only the runner, which then shuts things down in order.
import fs from 'node:fs';
import path from 'node:path';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const secs = (t0: number) => ((Date.now() - t0) / 1000).toFixed(1);

/** Live (non-zombie) members of a process group, read from /proc (zombies would look alive to kill(-pgid, 0)). */
export function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // fields after "(comm)": state ppid pgrp ...; comm may contain spaces/parens, so split after the last ')'
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') out.push(Number(name));
    } catch { /* process vanished while scanning */ }
  }
  return out;
}

export function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch { return false; }
}

export function cmdline(pid: number): string {
  try { return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '); } catch { return ''; }
}

export function cwd(pid: number): string {
  try { return fs.readlinkSync(`/proc/${pid}/cwd`); } catch { return ''; }
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pgid, signal); } catch { /* already gone */ }
}

/** Signal a process group, wait up to timeoutMs for every member to exit, then SIGKILL what is left. */
export async function stopGroup(pgid: number, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 5000): Promise<'clean' | 'killed'> {
  if (!groupMembers(pgid).length) return 'clean';
  signalGroup(pgid, signal);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await sleep(50);
    if (!groupMembers(pgid).length) return 'clean';
  }
  signalGroup(pgid, 'SIGKILL');
  for (let i = 0; i < 40 && groupMembers(pgid).length; i++) await sleep(25);
  return 'killed';
}

/** Process start time (clock ticks since boot): with the pid, identifies a process across pid reuse. */
export function startTime(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch { return null; }
}

interface PidFileData { runner?: { pid: number; start: number | null }; groups: Record<string, number> }

/**
 * <dataDir>/pids.json: the runner that owns this data dir and the process groups it started, so the next runner can
 * refuse to start while the owner is alive, and clean up after one that was kill -9'd. One file per data dir.
 */
export class PidFile {
  private data: PidFileData = { groups: {} };
  private constructor(readonly file: string) {}

  /** Take over a data dir: fail if its runner is still alive, else stop the leftovers of a crashed one. */
  static async claim(file: string, repoRoot: string, log: (m: string) => void): Promise<PidFile> {
    let old: PidFileData | undefined;
    try { old = JSON.parse(fs.readFileSync(file, 'utf8')) as PidFileData; } catch { /* none, or unreadable */ }
    if (old?.runner && old.runner.pid !== process.pid && isAlive(old.runner.pid) && startTime(old.runner.pid) === old.runner.start) {
      throw new Error(`another stack runner (pid ${old.runner.pid}) is using ${path.dirname(file)}; stop it first (kill ${old.runner.pid})`);
    }
    const ours = (pid: number) => {
      const cmd = cmdline(pid);
      // next-server renames itself ("next-server (v16…)"), so its working directory is what ties it to the repo
      return cmd.includes(repoRoot) || cwd(pid).startsWith(repoRoot) || cmd.includes('kafka.Kafka') || /\bpostgres\b/.test(cmd);
    };
    const stopLeftovers = (entries: [string, number][]) => Promise.all(entries.map(async ([name, pgid]) => {
      const members = groupMembers(pgid);
      if (!members.length || !members.some(ours)) return; // gone, or the id now belongs to someone else
      log(`stopping leftover ${name} (process group ${pgid}) from a previous run`);
      // postgres: SIGINT = fast shutdown (SIGTERM would wait for clients to disconnect)
      await stopGroup(pgid, name === 'postgres' ? 'SIGINT' : 'SIGTERM', 5000);
    }));
    // apps before servers, as in a normal stop: a worker that can still reach Kafka leaves its consumer group
    // cleanly, so the next one is not kept waiting for the old member's session to time out
    const entries = Object.entries(old?.groups ?? {});
    const infra = (n: string) => n === 'postgres' || n === 'kafka';
    await stopLeftovers(entries.filter(([n]) => !infra(n)));
    await stopLeftovers(entries.filter(([n]) => infra(n)));
    const pf = new PidFile(file);
    pf.data.runner = { pid: process.pid, start: startTime(process.pid) };
    pf.write();
    return pf;
  }

  set(name: string, pgid: number | undefined): void {
    if (pgid === undefined) delete this.data.groups[name]; else this.data.groups[name] = pgid;
    this.write();
  }

  /** The process groups recorded so far (name -> pgid). */
  groups(): Record<string, number> { return { ...this.data.groups }; }

  /** Clean stop: nothing left to clean up, and the data dir is free. */
  release(): void { fs.rmSync(this.file, { force: true }); }

  private write(): void { fs.writeFileSync(this.file, JSON.stringify(this.data, null, 2) + '\n'); }
}

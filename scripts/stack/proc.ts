// Process-group helpers shared by the stack runner. Every server/child runs in its own process group
// (spawn detached) so one signal reaches all of it (`next start` forks next-server; postgres forks backends),
// and a Ctrl-C on the terminal reaches only the runner, which then shuts things down in order.
import fs from 'node:fs';

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

/**
 * pids.json: process groups this data dir's runner owns, so a runner that was kill -9'd can be cleaned up by the
 * next one. Entries: name -> pgid. Each runner (npm start / test stack) has its own data dir and file.
 */
export class PidFile {
  private entries: Record<string, number> = {};
  constructor(readonly file: string) {}

  set(name: string, pgid: number | undefined): void {
    if (pgid === undefined) delete this.entries[name]; else this.entries[name] = pgid;
    fs.writeFileSync(this.file, JSON.stringify(this.entries, null, 2) + '\n');
  }

  /** Kill leftover groups from a previous run, only where the pid still looks like ours (pids get reused). */
  static async killLeftovers(file: string, repoRoot: string, log: (m: string) => void): Promise<void> {
    let old: Record<string, number>;
    try { old = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>; } catch { return; }
    const ours = (pid: number) => {
      const cmd = cmdline(pid);
      return cmd.includes(repoRoot) || cmd.includes('kafka.Kafka') || /postgres/.test(cmd);
    };
    await Promise.all(Object.entries(old).map(async ([name, pgid]) => {
      const members = groupMembers(pgid);
      if (!members.length || !members.some(ours)) return;
      log(`stopping leftover ${name} (process group ${pgid}) from a previous run`);
      // postgres: SIGINT = fast shutdown (SIGTERM would wait for clients to disconnect)
      await stopGroup(pgid, name === 'postgres' ? 'SIGINT' : 'SIGTERM', 5000);
    }));
    fs.rmSync(file, { force: true });
  }
}

// CPU time per part of the product, read from /proc (Linux): lets a benchmark
// say where the machine's cores went, not only how fast it was.
import fs from 'node:fs';
import { cmdline } from '../stack/proc';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** The part of the product a process belongs to, from its command line. */
export function roleOf(cmd: string): string {
  if (cmd.startsWith('next-server') || cmd.includes('next/dist/bin/next')) return 'web (next-server)';
  // workers/<name>.ts through tsx, or npm start's bundle .build/workers/<hash>/<process>.mjs (a process may host several workers)
  const worker = /workers\/([\w-]+)\.ts/.exec(cmd) ?? /\.build\/workers\/\w+\/([\w-]+)\.mjs/.exec(cmd);
  if (worker) return worker[1]!;
  if (/\bjava\b/.test(cmd) && cmd.includes('kafka')) return 'kafka';
  if (/postgres/.test(cmd)) return 'postgresql';
  if (cmd.includes('scripts/start.ts')) return 'supervisor';
  return 'other';
}

interface Proc { pid: number; ppid: number; ticks: number }

function readProcs(): Proc[] {
  const out: Proc[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // After "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime.
      // cutime/cstime hold the time of children that ended and were reaped: a PostgreSQL backend whose pooled
      // connection closed mid-window would otherwise take all its CPU out of the totals (one window printed
      // PostgreSQL at 26 µs a line against ~130 in the others).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(name), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch { /* process vanished while scanning */ }
  }
  return out;
}

/** CPU milliseconds used so far by each part of the process tree under rootPid (null where /proc is missing). */
export function cpuByRole(rootPid: number): Map<string, number> | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const procs = readProcs();
  const children = new Map<number, Proc[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const totals = new Map<string, number>();
  const stack = [...(children.get(rootPid) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    const role = roleOf(cmdline(p.pid));
    totals.set(role, (totals.get(role) ?? 0) + p.ticks * TICK_MS);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return totals;
}

/** What each part used between two readings, per unit of work, largest first. */
export function cpuPerUnit(before: Map<string, number>, after: Map<string, number>, units: number): [string, number][] {
  return [...after]
    .map(([role, ms]) => [role, (ms - (before.get(role) ?? 0)) / units] as [string, number])
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1]);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { db } from '@/lib/platform/db';
import { upsertCustomer, upsertProject, upsertSalesman } from '@/prisma/factories';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Polls until `check` returns a truthy value, or fails with the last value seen. */
export async function waitFor<T>(check: () => Promise<T>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await check();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 200));
  } while (Date.now() < deadline);
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value ${JSON.stringify(last)}`);
}

export interface WorkerProcess {
  proc: ChildProcess;
  ready: Promise<void>;
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `workers/<name>.ts` as its own process, exactly as `npm start` does. */
export function spawnWorker(name: string): WorkerProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', `workers/${name}.ts`], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready in 30 s:\n${output.join('')}`)), 30_000);
    proc.stdout!.on('data', (d: Buffer) => {
      output.push(d.toString());
      if (d.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    proc.once('exit', (code) => reject(new Error(`${name} exited with ${code} before ready:\n${output.join('')}`)));
  });
  ready.catch(() => {});
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    ready,
    output,
    stop: async (signal = 'SIGTERM') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const randomPhone = () => `010-${digits(4)}-${digits(4)}`;

/** Test data: every call makes new people, so test files never collide. */
export async function makeProject(status: 'planned' | 'ongoing' | 'ended' = 'ongoing') {
  const id = randomUUID();
  return upsertProject(db, {
    id, name: `테스트 지원사업 ${id.slice(0, 8)}`, year: 2026, scale: 1_000_000_000n,
    target: '중소기업', host: '테스트청', summary: '통합 테스트용 사업', status,
  });
}

export async function makeCustomer(region = '서울') {
  const id = randomUUID();
  return upsertCustomer(db, { id, name: '테스트고객', phone: randomPhone(), company: '테스트상사', region });
}

export async function makeSalesman(regions: string[], openConsultations = 0) {
  const id = randomUUID();
  const s = await upsertSalesman(db, { id, name: `영업${id.slice(0, 4)}`, phone: randomPhone(), regions });
  return db.salesman.update({ where: { id: s.id }, data: { openConsultations } });
}

/** Takes every existing salesman of a region out of matching, so a test controls who covers it. */
export async function isolateRegion(region: string) {
  await db.salesman.updateMany({ where: { regions: { some: { region } } }, data: { active: false } });
}

export function requestFor(projectId: string, region: string, extra: Record<string, string> = {}) {
  return { projectId, contactName: '홍길동', phone: '010-1111-2222', company: '길동상회', region, message: '지원 자격을 상담받고 싶습니다.', ...extra };
}

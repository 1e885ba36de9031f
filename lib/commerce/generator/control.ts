import { z } from 'zod';
import type { Db } from '../../platform/db';
import { autoScenario, scenarioById, scenarioTimerMinutes } from './model/scenarios';

/**
 * Staff's handle on the shop generator: one GeneratorControl row (id 1) that the
 * generator polls every second, and one GeneratorStatus row (id 1) it writes back
 * every second. The staff API and dashboard call these functions; nothing else
 * writes GeneratorControl.
 */

export const generatorControlInput = z
  .object({
    running: z.boolean().optional(),
    /** carts per second; null = the seed's pace */
    rate: z.number().positive().max(5000).nullable().optional(),
  })
  .refine((v) => v.running !== undefined || v.rate !== undefined, { message: 'give running or rate' });
export type GeneratorControlInput = z.infer<typeof generatorControlInput>;

export const scenarioInput = z.object({ id: z.number().int().min(0).max(20) });
export type ScenarioInput = z.infer<typeof scenarioInput>;

export const CONTROL_ID = 1;

export interface GeneratorControlRow {
  running: boolean;
  rate: number | null;
  scenarioId: number | null;
  scenarioUntil: Date | null;
  updatedAt: Date;
}

/** The control row, created with the defaults (running, seed pace, automatic scenario) if missing. */
export async function getGeneratorControl(db: Db): Promise<GeneratorControlRow> {
  // Read first: the generator polls this every second, and an upsert would write every time.
  const row = (await db.generatorControl.findUnique({ where: { id: CONTROL_ID } })) ??
    (await db.generatorControl.upsert({ where: { id: CONTROL_ID }, create: { id: CONTROL_ID }, update: {} }));
  return { running: row.running, rate: row.rate, scenarioId: row.scenarioId, scenarioUntil: row.scenarioUntil, updatedAt: row.updatedAt };
}

export async function setGeneratorControl(db: Db, input: GeneratorControlInput): Promise<GeneratorControlRow> {
  const v = generatorControlInput.parse(input);
  const data = { ...(v.running !== undefined && { running: v.running }), ...(v.rate !== undefined && { rate: v.rate }), updatedAt: new Date() };
  await db.generatorControl.upsert({ where: { id: CONTROL_ID }, create: { id: CONTROL_ID, ...data }, update: data });
  return getGeneratorControl(db);
}

/** Runs scenario `id` for its timer (scenarioTimerMinutes), then the shop goes back to the automatic one; id 0 = automatic now. */
export async function switchScenario(db: Db, input: ScenarioInput, now = new Date()): Promise<GeneratorControlRow> {
  const { id } = scenarioInput.parse(input);
  const data = id === 0
    ? { scenarioId: null, scenarioUntil: null, updatedAt: now }
    : { scenarioId: id, scenarioUntil: new Date(now.getTime() + scenarioTimerMinutes(id) * 60_000), updatedAt: now };
  await db.generatorControl.upsert({ where: { id: CONTROL_ID }, create: { id: CONTROL_ID, ...data }, update: data });
  return getGeneratorControl(db);
}

/** Korea-time hour (UTC+9, no daylight saving) of an instant. */
export function kstHour(at: Date): number {
  return (at.getUTCHours() + 9) % 24;
}

export interface ActiveScenario {
  id: number;
  name: string;
  mode: 'manual' | 'auto';
  /** when a manual scenario ends; null in automatic mode */
  until: Date | null;
}

/** Which scenario the control row asks for at `now`: the manual one until its end, else the one of the Korea-time hour. */
export function activeScenario(control: Pick<GeneratorControlRow, 'scenarioId' | 'scenarioUntil'>, now: Date): ActiveScenario {
  if (control.scenarioId != null && control.scenarioId !== 0 && control.scenarioUntil && control.scenarioUntil > now) {
    return { id: control.scenarioId, name: scenarioById(control.scenarioId).name, mode: 'manual', until: control.scenarioUntil };
  }
  const id = autoScenario(kstHour(now));
  return { id, name: scenarioById(id).name, mode: 'auto', until: null };
}

export interface GeneratorStatusView {
  running: boolean;
  rate: number | null;
  scenarioId: number;
  scenarioName: string;
  scenarioMode: string;
  scenarioEndsAt: Date | null;
  cartsProduced: number;
  linesProduced: number;
  usersProduced: number;
  productsProduced: number;
  pool: { purchased: number; neverPurchased: number; popular: number; new: number; refreshedAt: Date | null };
  reportedAt: Date;
  /** no report for more than 5 s: the generator is probably not running */
  stale: boolean;
}

export interface GeneratorState {
  control: GeneratorControlRow;
  /** the scenario the control row asks for now */
  scenario: ActiveScenario;
  /** what the generator last reported; null if it never ran */
  status: GeneratorStatusView | null;
}

export async function getGeneratorState(db: Db, now = new Date()): Promise<GeneratorState> {
  const [control, s] = await Promise.all([getGeneratorControl(db), db.generatorStatus.findUnique({ where: { id: CONTROL_ID } })]);
  const status: GeneratorStatusView | null = s && {
    running: s.running,
    rate: s.rate,
    scenarioId: s.scenarioId,
    scenarioName: scenarioById(s.scenarioId).name,
    scenarioMode: s.scenarioMode,
    scenarioEndsAt: s.scenarioEndsAt,
    cartsProduced: Number(s.cartsProduced),
    linesProduced: Number(s.linesProduced),
    usersProduced: Number(s.usersProduced),
    productsProduced: Number(s.productsProduced),
    pool: { purchased: s.poolPurchased, neverPurchased: s.poolNeverPurchased, popular: s.poolPopular, new: s.poolNew, refreshedAt: s.poolRefreshedAt },
    reportedAt: s.reportedAt,
    stale: now.getTime() - s.reportedAt.getTime() > 5_000,
  };
  return { control, scenario: activeScenario(control, now), status };
}

import { db } from '../../platform/db';
import { activeScenario } from '../generator/control';
import { scenarioName } from './scenario-names';

/** How long without a status report before the page says the generator is not reporting. */
const STALE_MS = 10_000;

export interface GeneratorView {
  /** false when the generator never reported, or not in the last 10 s */
  reporting: boolean;
  reportedAt: string | null;
  /** what the generator is doing (its status row), else what staff asked for */
  running: boolean;
  /** carts per second; null = the seed's pace */
  rate: number | null;
  scenario: { id: number; name: string; mode: 'auto' | 'manual'; endsAt: string | null };
  /** what staff asked for (GeneratorControl), which the generator picks up within a second or two */
  requested: { running: boolean; rate: number | null; scenarioId: number | null; scenarioUntil: string | null };
  pool: { purchased: number; neverPurchased: number; popular: number; newProducts: number; refreshedAt: string | null };
}

/** The generator's status row (written every second) beside staff's control row. */
export async function generatorView(now = new Date()): Promise<GeneratorView> {
  const [status, control] = await Promise.all([
    db.generatorStatus.findUnique({ where: { id: 1 } }),
    db.generatorControl.findUnique({ where: { id: 1 } }),
  ]);
  const requested = {
    running: control?.running ?? true,
    rate: control?.rate ?? null,
    scenarioId: control?.scenarioId ?? null,
    scenarioUntil: control?.scenarioUntil?.toISOString() ?? null,
  };
  // Before the generator's first report, show the scenario the control row asks for rather than nothing.
  const asked = activeScenario({ scenarioId: control?.scenarioId ?? null, scenarioUntil: control?.scenarioUntil ?? null }, now);
  const scenarioId = status?.scenarioId ?? asked.id;
  const endsAt = status ? status.scenarioEndsAt : asked.until;
  const manual = status ? status.scenarioMode === 'manual' : asked.mode === 'manual';
  return {
    reporting: Boolean(status && now.getTime() - status.reportedAt.getTime() < STALE_MS),
    reportedAt: status?.reportedAt.toISOString() ?? null,
    running: status?.running ?? requested.running,
    rate: status ? status.rate : requested.rate,
    scenario: {
      id: scenarioId,
      name: scenarioName(scenarioId),
      mode: manual ? 'manual' : 'auto',
      endsAt: endsAt?.toISOString() ?? null,
    },
    requested,
    pool: {
      purchased: status?.poolPurchased ?? 0,
      neverPurchased: status?.poolNeverPurchased ?? 0,
      popular: status?.poolPopular ?? 0,
      newProducts: status?.poolNew ?? 0,
      refreshedAt: status?.poolRefreshedAt?.toISOString() ?? null,
    },
  };
}

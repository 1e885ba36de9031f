import { commerceTotals, gradeCounts } from './live';
import { generatorView } from './generator-view';
import type { Grade } from '../catalogue/categories';

export interface CommerceSummary {
  users: number;
  products: number;
  orders: number;
  orderLines: number;
  revenue: number;
  grades: Record<Grade, number>;
  scenario: { id: number; name: string; endsAt: string | null };
  generator: { running: boolean; rate: number | null };
}

/**
 * GET /api/commerce/summary: the totals row, users per grade and the generator's
 * state; four single-row or four-row reads, whatever the number of orders.
 */
export async function getCommerceSummary(): Promise<CommerceSummary> {
  const [totals, grades, generator] = await Promise.all([commerceTotals(), gradeCounts(), generatorView()]);
  return {
    ...totals,
    grades,
    scenario: { id: generator.scenario.id, name: generator.scenario.name, endsAt: generator.scenario.endsAt },
    // What staff set (the generator follows within a second or two), so a POST is visible at once.
    generator: { running: generator.requested.running, rate: generator.requested.rate },
  };
}

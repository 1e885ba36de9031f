import { formatCount } from '@/lib/commerce/dashboard/format';
import type { DayReconciliation } from '@/lib/settlement/desk/reconciliation';
import type { Figures } from '@/lib/settlement/desk/figures';
import { Krw } from './money';

const show = (k: keyof Figures, v: number) => (k === 'count' ? formatCount(v) : <Krw value={v} />);

/** "reconciles" in green, or each differing figure with both sides and the merchants where it differs, in red. */
export function ReconciliationVerdict({ r }: { r: DayReconciliation }) {
  if (r.differs.length === 0) {
    return <p className="notice ok" data-testid={`reconciles-${r.day}`}>{r.day} reconciles: {formatCount(r.bases.count)} settled bases add up to the statistics to the won.</p>;
  }
  return (
    <div className="notice bad" role="alert" data-testid={`differs-${r.day}`}>
      <strong>{r.day} differs:</strong>{' '}
      {r.differs.map((k, i) => (
        <span key={k}>{i > 0 && '; '}{k} bases {show(k, r.bases[k])} vs statistics {show(k, r.statistics[k])}</span>
      ))}
      {r.merchants.length > 0 && <> (in {r.merchants.slice(0, 5).map((m) => m.merchantNumber).join(', ')}{r.merchants.length > 5 ? ` and ${r.merchants.length - 5} more` : ''})</>}
    </div>
  );
}

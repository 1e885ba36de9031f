import type { SplitRow } from '@/lib/settlement/desk/queries';
import { FigureCells, FigureHeads } from './money';

/** A merchant-day's statistics rows, one per action x method. */
export function SplitTable({ rows, label }: { rows: SplitRow[]; label: string }) {
  return (
    <table aria-label={label}>
      <thead><tr><th scope="col">Action</th><th scope="col">Method</th><FigureHeads /></tr></thead>
      <tbody>
        {rows.map((r) => <tr key={`${r.action}-${r.method}`}><td>{r.action}</td><td>{r.method}</td><FigureCells f={r} /></tr>)}
      </tbody>
    </table>
  );
}

import { formatCount, formatKrw } from '@/lib/commerce/dashboard/format';
import type { Figures } from '@/lib/settlement/desk/figures';
import styles from '../settlement.module.css';

/** Won as ₩1,234,567; a negative amount (a cancellation) keeps its sign and shows in red. */
export function Krw({ value }: { value: number }) {
  return <span className={value < 0 ? styles.neg : undefined}>{formatKrw(value)}</span>;
}

/** The five figure cells of a row: count, amount, fee, VAT, payout. */
export function FigureCells({ f }: { f: Figures }) {
  return (
    <>
      <td className={styles.num}>{formatCount(f.count)}</td>
      <td className={styles.num}><Krw value={f.amount} /></td>
      <td className={styles.num}><Krw value={f.fee} /></td>
      <td className={styles.num}><Krw value={f.vat} /></td>
      <td className={styles.num}><Krw value={f.payout} /></td>
    </>
  );
}

export function FigureHeads() {
  return (
    <>
      <th scope="col" className={styles.num}>Count</th>
      <th scope="col" className={styles.num}>Amount</th>
      <th scope="col" className={styles.num}>Fee</th>
      <th scope="col" className={styles.num}>VAT</th>
      <th scope="col" className={styles.num}>Payout</th>
    </>
  );
}

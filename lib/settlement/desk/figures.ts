/**
 * The five figures every settlement total has. Amounts are whole won; SQL sums them as bigint and they are handed
 * on as numbers (a day's totals stay far below 2^53 won, as the statistics contract says), so JSON carries them.
 */
export interface Figures {
  count: number;
  amount: number;
  fee: number;
  vat: number;
  payout: number;
}

export const FIGURE_KEYS = ['count', 'amount', 'fee', 'vat', 'payout'] as const;

export const zeroFigures = (): Figures => ({ count: 0, amount: 0, fee: 0, vat: 0, payout: 0 });

/** A row as SQL returns it (bigint or number, null for an empty sum) as figures. */
export function figuresOf(row: Partial<Record<keyof Figures, bigint | number | null>>): Figures {
  const n = (v: bigint | number | null | undefined) => (v === null || v === undefined ? 0 : Number(v));
  return { count: n(row.count), amount: n(row.amount), fee: n(row.fee), vat: n(row.vat), payout: n(row.payout) };
}

export function addFigures(into: Figures, more: Figures): Figures {
  for (const k of FIGURE_KEYS) into[k] += more[k];
  return into;
}

export const sumFigures = (list: Iterable<Figures>): Figures => [...list].reduce(addFigures, zeroFigures());

/** The figures where two totals disagree (empty: they agree). */
export const differingFigures = (a: Figures, b: Figures): (keyof Figures)[] => FIGURE_KEYS.filter((k) => a[k] !== b[k]);

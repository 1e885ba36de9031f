export interface HistoryYear {
  year: number;
  days: number;
}

/**
 * The year to show: the one asked for if it has days, else the one with the most
 * days: the generated year (`npm run history`) rather than the live days of today.
 */
export function chooseYear(years: HistoryYear[], asked?: number): number | null {
  if (asked !== undefined && years.some((y) => y.year === asked)) return asked;
  return [...years].sort((a, b) => b.days - a.days || b.year - a.year)[0]?.year ?? null;
}

import { STEP_LABEL } from '@/lib/sales/consultations/transitions';

const LABEL: Record<string, string> = { ...STEP_LABEL, planned: 'Planned', ongoing: 'Ongoing', ended: 'Ended' };

/** Step or status pill; the class carries the colour, the text stays readable without it. */
export function Badge({ value }: { value: string }) {
  return <span className={`badge ${value}`}>{LABEL[value] ?? value}</span>;
}

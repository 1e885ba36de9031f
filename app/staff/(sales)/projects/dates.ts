import type { ProjectStatus } from '@/lib/sales/projects/schemas';

/**
 * What the Start / End confirmation pre-fills: the planned day when it has
 * come (and is in order), else today. Days are YYYY-MM-DD, so they compare as strings.
 */
export function confirmDate(p: { status: ProjectStatus; startDate: string | null; endDate: string | null }, today: string): string {
  if (p.status === 'planned' && p.startDate && p.startDate <= today) return p.startDate;
  if (p.status === 'ongoing' && p.endDate && p.endDate <= today && p.endDate >= (p.startDate ?? '')) return p.endDate;
  return today;
}

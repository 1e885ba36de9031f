/**
 * The alarm worker's commit notifies this PostgreSQL channel so open alarm feeds
 * refetch at once (app/api/alarms/live). The payload names whom the alarms are
 * for: a salesman id, or EVERYONE for a batch addressed to many (project alarms
 * go to every active salesman, and a NOTIFY payload is limited to 8,000 bytes).
 */
export const ALARMS_CHANNEL = 'sales_alarms';
export const EVERYONE = '*';

/** The payload of the commit's notification for alarms addressed to these salesmen, or null for none. */
export function alarmNotifyPayload(salesmanIds: Iterable<string>): string | null {
  const ids = new Set(salesmanIds);
  if (ids.size === 0) return null;
  return ids.size === 1 ? [...ids][0]! : EVERYONE;
}

export const concernsSalesman = (payload: string, salesmanId: string) => payload === EVERYONE || payload === salesmanId;

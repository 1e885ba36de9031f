import type { SalesEvent } from '../../platform/events/catalog';

/** ProjectStats counters, one per consultation step plus interest and conversion bases. */
export const STEP_COUNTERS = {
  requested: 'requested',
  accepted: 'accepted',
  in_progress: 'inProgress',
  success: 'success',
  fail: 'fail',
  canceled: 'canceled',
} as const;

export type Counter = (typeof STEP_COUNTERS)[keyof typeof STEP_COUNTERS] | 'interested' | 'everAccepted';

export interface StatsDelta {
  projectId: string;
  /** How staff see the project: "name (year)" from project events; the bare name other events carry. */
  projectName: string;
  /** True for project events: their name replaces the stored one; other events name a project only when it is new. */
  namesProject: boolean;
  /** Added to the project's counters (negative for a step left or an interest withdrawn). */
  counters: Partial<Record<Counter, number>>;
  /** The minute the event happened in, and what it adds to that minute's bucket (absent: no bucket change). */
  bucket?: { minute: Date; interests: number; consultations: number };
}

/** The event's own time truncated to the minute: a replay lands in the same bucket. */
export function minuteOf(iso: string): Date {
  const d = new Date(iso);
  d.setUTCSeconds(0, 0);
  return d;
}

const add = (c: Partial<Record<Counter, number>>, key: Counter, n: number) => {
  c[key] = (c[key] ?? 0) + n;
};

/**
 * What one event changes in the statistics of its project. Pure, so the
 * arithmetic (step moves, interest on/off, conversion base) is unit-tested
 * without a database. Project events only carry the current name (with the year,
 * since next year's copy of a programme has the same name).
 */
export function statsDelta(event: SalesEvent): StatsDelta {
  const counters: Partial<Record<Counter, number>> = {};
  switch (event.type) {
    case 'ProjectCreated':
    case 'ProjectEdited':
    case 'ProjectStarted':
    case 'ProjectEnded':
      return { projectId: event.payload.projectId, projectName: `${event.payload.name} (${event.payload.year})`, namesProject: true, counters };

    case 'InterestCreated':
    case 'InterestUpdated': {
      const p = event.payload;
      const before = event.type === 'InterestUpdated' ? event.payload.previouslyInterested : false;
      const change = Number(p.interested) - Number(before);
      if (change !== 0) add(counters, 'interested', change);
      // The bucket holds the net change, so the chart's running sum equals the interested count.
      const bucket = change !== 0 ? { minute: minuteOf(event.occurredAt), interests: change, consultations: 0 } : undefined;
      return { projectId: p.projectId, projectName: p.projectName, namesProject: false, counters, bucket };
    }

    case 'ConsultationCreated': {
      const p = event.payload;
      add(counters, STEP_COUNTERS[p.step], 1);
      if (p.step === 'accepted') add(counters, 'everAccepted', 1);
      return {
        projectId: p.projectId,
        projectName: p.projectName,
        namesProject: false,
        counters,
        bucket: { minute: minuteOf(event.occurredAt), interests: 0, consultations: 1 },
      };
    }

    case 'ConsultationEdited': {
      const p = event.payload;
      // A customer's edit of the request keeps the step: nothing moves.
      if (p.step !== p.previousStep) {
        add(counters, STEP_COUNTERS[p.previousStep], -1);
        add(counters, STEP_COUNTERS[p.step], 1);
        if (p.step === 'accepted') add(counters, 'everAccepted', 1);
      }
      return { projectId: p.projectId, projectName: p.projectName, namesProject: false, counters };
    }
  }
}

export interface MinuteBucket {
  projectId: string;
  minute: Date;
  interests: number;
  consultations: number;
}

/**
 * Sums the deltas of a batch of events: one total per project and one bucket
 * per (project, minute), in first-seen order. The stored name is the last name
 * a project event gave, else the first name any event carried (used only when
 * the project is new). Counters are clamped at zero once per batch instead of
 * once per event; they only differ when history before the read model is missing.
 */
export function mergeDeltas(deltas: StatsDelta[]): { totals: Omit<StatsDelta, 'bucket'>[]; buckets: MinuteBucket[] } {
  const totals = new Map<string, Omit<StatsDelta, 'bucket'>>();
  const buckets = new Map<string, MinuteBucket>();
  for (const d of deltas) {
    const t = totals.get(d.projectId) ?? { projectId: d.projectId, projectName: d.projectName, namesProject: false, counters: {} };
    if (d.namesProject) Object.assign(t, { projectName: d.projectName, namesProject: true });
    for (const [c, n] of Object.entries(d.counters) as [Counter, number][]) add(t.counters, c, n);
    totals.set(d.projectId, t);
    if (d.bucket) {
      const key = `${d.projectId} ${d.bucket.minute.toISOString()}`;
      const b = buckets.get(key) ?? { projectId: d.projectId, minute: d.bucket.minute, interests: 0, consultations: 0 };
      b.interests += d.bucket.interests;
      b.consultations += d.bucket.consultations;
      buckets.set(key, b);
    }
  }
  return { totals: [...totals.values()], buckets: [...buckets.values()] };
}

/** success / ever accepted; null when nothing was ever accepted (shown as "—"). */
export function conversionRate(stats: { success: number; everAccepted: number }): number | null {
  return stats.everAccepted > 0 ? stats.success / stats.everAccepted : null;
}

export function formatConversion(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

import { describe, expect, it } from 'vitest';
import { cumulativeSeries } from './series';

const at = (hhmm: string) => new Date(`2026-11-21T${hhmm}:00.000Z`);

describe('cumulativeSeries', () => {
  it('adds up per-minute counts and keeps empty minutes flat', () => {
    const points = cumulativeSeries(
      [
        { bucket: at('10:01'), interests: 2, consultations: 1 },
        { bucket: at('10:03'), interests: -1, consultations: 2 },
      ],
      { now: new Date('2026-11-21T10:04:30Z'), windowMinutes: 60 },
    );
    expect(points).toEqual([
      { minute: at('10:00').toISOString(), interests: 0, consultations: 0 },
      { minute: at('10:01').toISOString(), interests: 2, consultations: 1 },
      { minute: at('10:02').toISOString(), interests: 2, consultations: 1 },
      { minute: at('10:03').toISOString(), interests: 1, consultations: 3 },
      { minute: at('10:04').toISOString(), interests: 1, consultations: 3 },
    ]);
  });

  it('starts the window at the baseline of what came before it', () => {
    const points = cumulativeSeries([{ bucket: at('10:59'), interests: 0, consultations: 1 }], {
      now: at('11:00'),
      windowMinutes: 3,
      baseline: { interests: 5, consultations: 7 },
    });
    expect(points.map((p) => [p.minute.slice(11, 16), p.interests, p.consultations])).toEqual([
      ['10:58', 5, 7],
      ['10:59', 5, 8],
      ['11:00', 5, 8],
    ]);
  });

  it('draws a flat line over the last two minutes when nothing happened yet', () => {
    expect(cumulativeSeries([], { now: at('09:30'), windowMinutes: 60 })).toEqual([
      { minute: at('09:29').toISOString(), interests: 0, consultations: 0 },
      { minute: at('09:30').toISOString(), interests: 0, consultations: 0 },
    ]);
  });
});

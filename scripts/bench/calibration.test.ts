import { describe, expect, it } from 'vitest';
import { type Calibration, coresBusy, cpuLoop, formatCalibration, median, parseProcStat } from './calibration';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('cpuLoop', () => {
  it('is fixed work: the same result on every machine', () => {
    expect(cpuLoop(1000)).toBe(cpuLoop(1000));
    expect(cpuLoop(1000)).not.toBe(cpuLoop(1001));
    expect(cpuLoop(0)).toBe(0x811c9dc5);
  });
});

describe('parseProcStat / coresBusy', () => {
  it('counts user+nice+system+irq+softirq as busy, iowait as idle, steal apart', () => {
    const a = parseProcStat('cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3 4\n')!;
    const b = parseProcStat('cpu  200 0 100 850 50 0 0 50 0 0\n')!;
    expect(a).toEqual({ busy: 150, idle: 850, steal: 0, total: 1000 });
    expect(coresBusy(a, b, 2)).toEqual({ busy: 1.2, steal: 0.2 });
  });
  it('is null without a cpu line', () => expect(parseProcStat('intr 1 2')).toBeNull());
});

describe('formatCalibration', () => {
  const c: Calibration = {
    commitsPerSec: 8650.4, commitP50Ms: 0.91, fsync: 'on', synchronousCommit: 'on', serverVersion: '18.4', dsyncWriteMs: 0.654, dsyncDir: '/tmp',
    loopMops: 300, loopRatio: 0.5, loopCoreShare: 0.49, cores: 2, loadAvg1: 9.04, coresBusyBefore: 1.73, stealBefore: 0, node: 'v20.20.2',
  };
  it('prints one line with every measurement', () => {
    expect(formatCalibration(c)).toBe('calibration: postgres 8 clients single-row INSERT commits 8,650/s (p50 0.91 ms; fsync on, synchronous_commit on),'
      + ' 8 KB O_DSYNC write 0.65 ms, cpu loop 0.50 (300 Mops/s, 49% of a core), 2 cores, 1.7 busy before, load avg 9.04, node v20.20.2');
  });
  it('says what it could not measure, and steal when there was some', () => {
    const line = formatCalibration({ ...c, dsyncWriteMs: null, stealBefore: 0.12 });
    expect(line).toContain('8 KB O_DSYNC write n/a');
    expect(line).toContain('1.7 busy before (steal 12%)');
    expect(line).not.toContain('\n');
  });
});

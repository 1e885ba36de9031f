import { describe, expect, it } from 'vitest';
import { cpuPerUnit, roleOf } from './cpu';

describe('roleOf', () => {
  it('names the product part from the command line', () => {
    expect(roleOf('next-server (v16.4.6)')).toBe('web (next-server)');
    expect(roleOf('/usr/bin/node --import tsx workers/sales-alarm-worker.ts')).toBe('sales-alarm-worker');
    expect(roleOf('/usr/bin/node --enable-source-maps /work/main/.build/workers/16af4b423c/platform-and-sales.mjs')).toBe('platform-and-sales');
    expect(roleOf('java -Xmx512m -cp /work/main/.cache/kafka-3.9.1/libs/* kafka.Kafka server.properties')).toBe('kafka');
    expect(roleOf('postgres: postgres switchboard 127.0.0.1(5432) idle')).toBe('postgresql');
    expect(roleOf('node --import tsx scripts/start.ts')).toBe('supervisor');
  });
});

describe('cpuPerUnit', () => {
  it('divides what each part used between readings by the work done, largest first', () => {
    const before = new Map([['web (next-server)', 1000], ['kafka', 500]]);
    const after = new Map([['web (next-server)', 3000], ['kafka', 600], ['sales-alarm-worker', 400]]);
    expect(cpuPerUnit(before, after, 100)).toEqual([['web (next-server)', 20], ['sales-alarm-worker', 4], ['kafka', 1]]);
  });
});

// `npm run bench:history`: `npm run history` for one year into a fresh database with the 10k/20k catalogue,
// BENCH_RUNS times (default 3, each on a fresh copy), printing each run's time, the median (goal: the year in
// under 60 s) and a calibration line measured in the same run. Starts its own PostgreSQL (.data/bench-history,
// port BENCH_PG_PORT = 54399); no Kafka is needed (history writes through the sinks' functions).
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../stack/config';
import { freshDatabase } from '../stack/fresh-database';
import { startPostgres } from '../stack/postgres';
import { migrateDeploy } from '../migrate';
import { calibrate, formatCalibration, median } from './calibration';

const RUNS = Number(process.env.BENCH_RUNS || 3);
const YEAR = Number(process.env.BENCH_YEAR || 2025);
const PG_PORT = Number(process.env.BENCH_PG_PORT || 54399);
const dataDir = path.join(REPO_ROOT, '.data', 'bench-history');
const n = (x: number) => Math.round(x).toLocaleString('en-US');

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const pgHandle = await startPostgres({ dataDir: path.join(dataDir, 'pg'), port: PG_PORT, durable: true, log: () => {} });
  try {
    const { createDb } = await import('../../lib/platform/db');
    const { seedCatalogue } = await import('../../lib/commerce/catalogue/seed-catalogue');
    const { runHistory } = await import('../../lib/commerce/history/run-history');
    const times: number[] = [];
    let calibration = '';
    for (let i = 0; i < RUNS; i++) {
      const url = await freshDatabase(pgHandle.url, `bench_history_${i}`);
      await migrateDeploy(url);
      const db = createDb(url, 2);
      await seedCatalogue(db, {});
      if (i === 0) {
        calibration = formatCalibration(await calibrate({ databaseUrl: url }));
        console.log(calibration);
      }
      const s = await runHistory(db, { year: YEAR, seed: YEAR });
      await db.$disconnect();
      times.push(s.ms / 1000);
      console.log(`run ${i + 1}: ${YEAR} in ${(s.ms / 1000).toFixed(1)} s: ${n(s.carts)} carts, ${n(s.lines)} order lines, ${s.gradePasses} grade passes; ` +
        `VIP ${n(s.grades.VIP)}, GOLD ${n(s.grades.GOLD)}, SILVER ${n(s.grades.SILVER)}, BRONZE ${n(s.grades.BRONZE)}`);
      const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      console.log(`  generating ${sec(s.phases.generateMs)}, waiting for writes ${sec(s.phases.writeWaitMs)} (the rest overlapped generation), grade passes ${sec(s.phases.gradeMs)}`);
    }
    console.log(`bench:history median of ${RUNS}: ${median(times).toFixed(1)} s for the year (goal < 60 s; min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`);
    console.log(calibration);
  } finally {
    await pgHandle.stop();
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(`✗ ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});

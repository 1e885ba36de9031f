// `npm run grades -- --once [--as-of 2025-12-31T15:00:00Z]`: one grade pass against DATABASE_URL
// (default the dev stack) as of now or the time given, printing its figures.
// Without --once it runs like the worker (workers/commerce-grade-updater.ts): a pass now and every
// GRADE_INTERVAL_MINUTES.
import { parseArgs } from 'node:util';
import { devDatabaseUrl, redactUrl } from '../stack/config';

const { values } = parseArgs({ options: { once: { type: 'boolean', default: false }, 'as-of': { type: 'string' } } });
const url = devDatabaseUrl();
process.env.DATABASE_URL = url;

if (!values.once) {
  if (values['as-of']) throw new Error('--as-of needs --once: the repeating updater always grades as of now');
  await import('../../workers/commerce-grade-updater');
} else {
  const asOf = values['as-of'] ? new Date(values['as-of']) : new Date();
  if (Number.isNaN(asOf.getTime())) throw new Error(`--as-of "${values['as-of']}" is not a date (e.g. 2025-12-31T15:00:00Z)`);
  const { createDb } = await import('../../lib/platform/db');
  const { describePass, runGradePass } = await import('../../lib/commerce/grades/run-grade-pass');
  const db = createDb(url, 1);
  try {
    console.log(`grade pass on ${redactUrl(url)}`);
    const r = await runGradePass(db, { asOf });
    console.log(describePass(asOf, r));
    console.log(`correlation id ${r.correlationId}`);
  } finally {
    await db.$disconnect();
  }
}

// Integration tests run against the real broker and database named by
// DATABASE_URL and KAFKA_BROKERS; `npm test` (scripts/test.ts) starts a test
// stack and sets them. Refuse to run without them rather than touch dev data.
export default function setup() {
  const missing = ['DATABASE_URL', 'KAFKA_BROKERS'].filter((k) => !process.env[k]);
  if (missing.length) {
    throw new Error(`Integration tests need ${missing.join(' and ')}: run them with \`npm test\`, which starts a test stack.`);
  }
  if (!/switchboard_it|_it\b|test/.test(process.env.DATABASE_URL!) && !process.env.ALLOW_ANY_TEST_DB) {
    throw new Error(`Refusing to run integration tests against ${process.env.DATABASE_URL}: expected a test database (…_it).`);
  }
}

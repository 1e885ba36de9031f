/**
 * What the identity store needs of a database connection: plain `pg` (a PoolClient inside BEGIN ... COMMIT). The
 * worker's batches and staff's actions both run through it, one at a time: each takes IDENTITY_LOCK first.
 */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** pg_advisory_xact_lock key: linking is one writer at a time (worker batches and staff actions alike). */
export const IDENTITY_LOCK = 0x1d3e7001;

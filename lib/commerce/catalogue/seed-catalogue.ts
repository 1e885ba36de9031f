import type { Db, Tx } from '../../platform/db';
import { makeProduct } from '../generator/model/product';
import { mulberry32 } from '../generator/model/rng';
import type { ProductListedPayload, UserRegisteredPayload } from '../generator/model/types';
import { backdatedCreatedAt, UserFactory } from '../generator/model/user';
import { bumpGradeCounts, bumpTotals } from '../read-models/counters';

/**
 * The shop's first catalogue (seed 002): 10,000 users and 20,000 products, once.
 * A table that already has rows is left alone. Users are U_00000001..U_00010000
 * and come from a fixed RNG seed, so they are the same on every machine (demo
 * accounts link to U_00000001..U_00000003); their sign-up dates fall in the 5
 * years before the run. Rows go in a few thousand per statement (jsonb_to_recordset)
 * and, in the same transaction, the totals and grade counts (all users start BRONZE).
 */
export interface SeedCatalogueOptions {
  users?: number;
  products?: number;
  /** RNG seed; users and products each draw from their own generator */
  seed?: number;
  now?: Date;
  /** rows per INSERT */
  chunk?: number;
  log?: (line: string) => void;
}

export interface SeedCatalogueResult {
  users: number;
  products: number;
  /** tables that had rows and were left alone */
  skipped: ('users' | 'products')[];
  ms: number;
}

export const CATALOGUE_SEED = 20_021;

export function catalogueUsers(n: number, seed = CATALOGUE_SEED, now = new Date()): UserRegisteredPayload[] {
  const rng = mulberry32(seed);
  const factory = new UserFactory(rng);
  return Array.from({ length: n }, (_, i) => factory.make({ seq: i + 1, createdAt: backdatedCreatedAt(rng, now), now }));
}

export function catalogueProducts(n: number, seed = CATALOGUE_SEED + 1, now = new Date()): ProductListedPayload[] {
  const rng = mulberry32(seed);
  const ids = new Set<string>();
  const out: ProductListedPayload[] = [];
  while (out.length < n) {
    const p = makeProduct(rng, { createdAt: new Date(now.getTime() - rng() * 2 * 365 * 86_400_000) });
    if (ids.has(p.productId)) continue; // 2^32 ids: a clash among 20,000 happens about once in 20 runs
    ids.add(p.productId);
    out.push(p);
  }
  return out;
}

async function insertUsers(tx: Tx, rows: UserRegisteredPayload[]): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "ShopUser" (id, name, gender, age, "birthYear", province, district, street, email, phone, grade, status,
      "marketingConsent", "createdAt", "lastLoginAt", "randomSeed")
    SELECT "userId", name, gender::"Gender", age, "birthYear", province, district, street, email, phone, grade::"Grade",
      status::"ShopUserStatus", "marketingConsent", "createdAt", "lastLoginAt", "randomSeed"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("userId" text, name text, gender text, age int,
      "birthYear" int, province text, district text, street text, email text, phone text, grade text, status text,
      "marketingConsent" boolean, "createdAt" timestamptz, "lastLoginAt" timestamptz, "randomSeed" float8)
    ON CONFLICT (id) DO NOTHING`;
}

async function insertProducts(tx: Tx, rows: ProductListedPayload[]): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "Product" (id, category, name, brand, price, "listPrice", "discountRate", description, rating,
      "reviewCount", stock, "createdAt")
    SELECT "productId", category, name, brand, price, "listPrice", "discountRate", description, rating, "reviewCount",
      stock, "createdAt"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("productId" text, category text, name text, brand text,
      price int, "listPrice" int, "discountRate" float8, description text, rating float8, "reviewCount" int, stock int,
      "createdAt" timestamptz)
    ON CONFLICT (id) DO NOTHING`;
}

export async function seedCatalogue(db: Db, o: SeedCatalogueOptions = {}): Promise<SeedCatalogueResult> {
  const t0 = performance.now();
  const { users: nUsers = 10_000, products: nProducts = 20_000, seed = CATALOGUE_SEED, now = new Date(), chunk = 5_000, log = () => {} } = o;
  return db.$transaction(async (tx) => {
    // Two starts at once (npm start racing a test run) must not both seed.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('commerce-catalogue-seed'))`;
    const [have] = await tx.$queryRaw<{ users: boolean; products: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM "ShopUser") AS users, EXISTS (SELECT 1 FROM "Product") AS products`;
    const haveUsers = have?.users ?? false;
    const haveProducts = have?.products ?? false;
    const skipped: SeedCatalogueResult['skipped'] = [];
    let users = 0;
    let products = 0;
    if (haveUsers) skipped.push('users');
    else {
      const rows = catalogueUsers(nUsers, seed, now);
      log(`commerce catalogue: ${rows.length} users made in ${Math.round(performance.now() - t0)} ms, writing`);
      for (let i = 0; i < rows.length; i += chunk) {
        users += await insertUsers(tx, rows.slice(i, i + chunk));
        log(`commerce catalogue: users ${users}/${rows.length} (${Math.round(performance.now() - t0)} ms)`);
      }
    }
    if (haveProducts) skipped.push('products');
    else {
      const rows = catalogueProducts(nProducts, seed + 1, now);
      for (let i = 0; i < rows.length; i += chunk) {
        products += await insertProducts(tx, rows.slice(i, i + chunk));
        log(`commerce catalogue: products ${products}/${rows.length} (${Math.round(performance.now() - t0)} ms)`);
      }
    }
    await bumpTotals(tx, { users, products });
    await bumpGradeCounts(tx, { BRONZE: users });
    return { users, products, skipped, ms: Math.round(performance.now() - t0) };
  }, { timeout: 120_000, maxWait: 30_000 });
}

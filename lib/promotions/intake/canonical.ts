/**
 * The fast path of standardisation: a record already in the standard form (what the shop, the ingest API and the
 * file intake publish) is recognised by a hand-written check in a few microseconds and passed through unchanged;
 * anything else, or anything in doubt, goes through the zod schemas of contracts.ts, which are the definition.
 * canonical.test.ts checks that both give the same record wherever the fast path answers. At 10,000+ records a
 * second the schemas' preprocessing was most of the attributor's CPU.
 */
import type { PromoBehavior, Purchase } from './contracts';
import { kstIso } from '../../platform/time/kst';

const KST_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+09:00$/;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const only = (o: Obj, allowed: readonly string[]) => Object.keys(o).every((k) => allowed.includes(k));
const id = (v: unknown) => typeof v === 'string' && v.length > 0 && v.trim() === v;
const text = id;
/** A name as standardiseName leaves it: NFC, no outer or double spaces, no other whitespace. */
const name = (v: unknown) => typeof v === 'string' && v.length > 0 && v === v.normalize('NFC') && !/^\s|\s$|\s\s|[^\S ]/.test(v);
const won = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
/** ISO 8601 in Korea time with milliseconds, of a real date (the form contractTime writes). */
const time = (v: unknown) => {
  if (typeof v !== 'string' || !KST_ISO.test(v)) return false;
  const t = Date.parse(v);
  return Number.isFinite(t) && kstIso(new Date(t)) === v;
};

const BEHAVIOUR_KEYS = ['eventId', 'userId', 'promotionId', 'action', 'occurredAt'] as const;

export function canonicalBehaviour(v: unknown): PromoBehavior | null {
  if (!isObj(v) || !only(v, BEHAVIOUR_KEYS)) return null;
  if (!id(v.eventId) || !id(v.userId) || !id(v.promotionId) || (v.action !== 'view' && v.action !== 'click') || !time(v.occurredAt)) return null;
  return v as unknown as PromoBehavior;
}

const PURCHASE_KEYS = ['eventId', 'purchaseId', 'userId', 'occurredAt', 'amount', 'paymentMethod', 'card', 'buyer', 'items'] as const;
const ITEM_KEYS = ['productId', 'name', 'category', 'quantity', 'price'] as const;

export function canonicalPurchase(v: unknown): Purchase | null {
  if (!isObj(v) || !only(v, PURCHASE_KEYS)) return null;
  if (!id(v.eventId) || !id(v.purchaseId) || !id(v.userId) || !time(v.occurredAt) || !won(v.amount) || !text(v.paymentMethod)) return null;
  if (v.card !== undefined) {
    // the card is read only to be dropped; its other fields pass as they are (the schema keeps them too)
    if (!isObj(v.card) || Object.keys(v.card).some((k) => k.includes('_')) || (v.card.number !== undefined && typeof v.card.number !== 'string') || (v.card.holder !== undefined && typeof v.card.holder !== 'string')) return null;
  } else if ('card' in v) return null;
  const b = v.buyer;
  if (!isObj(b) || !only(b, ['name', 'age', 'gender']) || !name(b.name) || typeof b.age !== 'number' || !Number.isInteger(b.age) || b.age < 0 || b.age > 130 || !text(b.gender)) return null;
  if (!Array.isArray(v.items) || !v.items.length) return null;
  for (const it of v.items) {
    if (!isObj(it) || !only(it, ITEM_KEYS) || !id(it.productId) || !name(it.name) || !text(it.category) || typeof it.quantity !== 'number' || !Number.isInteger(it.quantity) || it.quantity < 1 || !won(it.price)) return null;
  }
  return v as unknown as Purchase;
}

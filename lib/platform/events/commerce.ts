import { z } from 'zod';
import { CATEGORIES, GRADES, PAYMENT_METHODS } from '../../commerce/catalogue/categories';
import { defineEvent } from './envelope';
import { TOPICS } from './topics';

/**
 * Commerce stream events (seed 002). The shop generator publishes the first three
 * straight to Kafka (the shop is the source system; nothing of ours changes state
 * before them); CustomerGradeChanged comes from the grade updater through the outbox.
 */

const krw = z.number().int().nonnegative();
const instant = z.iso.datetime({ offset: true });
const userId = z.string().regex(/^U_\d{8}$/, 'user id is "U_" and 8 digits');
const productId = z.string().regex(/^P[0-9a-f]{8}$/, 'product id is "P" and 8 hex digits');

export const UserRegistered = defineEvent({
  type: 'UserRegistered',
  version: 1,
  topic: TOPICS.commerceUsers,
  key: (p) => p.userId,
  payload: z.object({
    userId,
    name: z.string().min(1),
    gender: z.enum(['M', 'F']),
    age: z.number().int().min(10).max(100),
    birthYear: z.number().int().min(1900).max(2100),
    province: z.string().min(1),
    district: z.string().min(1),
    street: z.string(),
    email: z.email(),
    phone: z.string().regex(/^010-\d{4}-\d{4}$/, 'phone is 010-XXXX-XXXX'),
    grade: z.enum(GRADES),
    status: z.enum(['ACTIVE', 'DORMANT']),
    marketingConsent: z.boolean(),
    createdAt: instant,
    lastLoginAt: instant.nullable(),
    randomSeed: z.number().min(0).max(1),
  }),
});

export const ProductListed = defineEvent({
  type: 'ProductListed',
  version: 1,
  topic: TOPICS.commerceProducts,
  key: (p) => p.productId,
  payload: z.object({
    productId,
    category: z.enum(CATEGORIES),
    name: z.string().min(1),
    brand: z.string().nullable(),
    price: krw.positive(),
    listPrice: krw.positive(),
    discountRate: z.number().min(0).max(1),
    description: z.string(),
    rating: z.number().min(0).max(5),
    reviewCount: z.number().int().nonnegative(),
    stock: z.number().int().nonnegative(),
    createdAt: instant,
  }),
});

const orderLine = z.object({
  lineNo: z.number().int().min(1).max(10),
  productId,
  productName: z.string(),
  category: z.enum(CATEGORIES),
  quantity: z.number().int().min(1).max(20),
  unitPrice: krw.positive(),
  amount: krw,
});

export const OrderPlaced = defineEvent({
  type: 'OrderPlaced',
  version: 1,
  topic: TOPICS.commerceOrders,
  key: (p) => p.userId,
  payload: z
    .object({
      orderId: z.uuid(),
      userId,
      orderedAt: instant,
      paymentMethod: z.enum(PAYMENT_METHODS),
      subtotal: krw,
      shippingFee: krw,
      discount: krw,
      total: krw,
      scenarioId: z.number().int().min(0).max(20),
      buyer: z.object({ name: z.string(), gender: z.enum(['M', 'F']), age: z.number().int(), province: z.string() }),
      lines: z.array(orderLine).min(1).max(10),
    })
    // A sink must never write an order whose figures do not add up: it goes to the dead-letter topic instead.
    .superRefine((o, ctx) => {
      o.lines.forEach((l, i) => {
        if (l.lineNo !== i + 1) ctx.addIssue({ code: 'custom', path: ['lines', i, 'lineNo'], message: `line ${i + 1} is numbered ${l.lineNo}` });
        if (l.amount !== l.unitPrice * l.quantity) ctx.addIssue({ code: 'custom', path: ['lines', i, 'amount'], message: 'amount is not unitPrice × quantity' });
      });
      const subtotal = o.lines.reduce((s, l) => s + l.amount, 0);
      if (o.subtotal !== subtotal) ctx.addIssue({ code: 'custom', path: ['subtotal'], message: `subtotal ${o.subtotal} is not the sum of the lines (${subtotal})` });
      const total = Math.max(0, o.subtotal + o.shippingFee - o.discount);
      if (o.total !== total) ctx.addIssue({ code: 'custom', path: ['total'], message: `total ${o.total} is not subtotal + shipping − discount (${total})` });
    }),
});

export const CustomerGradeChanged = defineEvent({
  type: 'CustomerGradeChanged',
  version: 1,
  topic: TOPICS.commerceUsers,
  key: (p) => p.userId,
  payload: z.object({
    userId,
    from: z.enum(GRADES),
    to: z.enum(GRADES),
    /** end of the 180-day window the grade was computed over */
    asOf: instant,
    orders: z.number().int().nonnegative(),
    amount: krw,
    reason: z.string(),
  }),
});

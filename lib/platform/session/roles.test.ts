import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { assertRole, assertSignedIn } from './roles';
import type { Viewer } from './viewer';

const customer: Viewer = { role: 'customer', customerId: '00000000-0000-4000-8000-000000000201', name: '김민준' };
const salesman: Viewer = { role: 'salesman', salesmanId: '00000000-0000-4000-8000-000000000301', name: '최영업' };
const staff: Viewer = { role: 'staff', name: 'Staff' };

function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('role checks', () => {
  it('answers 401 to nobody and 403 to the wrong role, naming both roles', () => {
    const anon = refusal(() => assertRole(null, 'salesman'));
    expect([anon.code, anon.status]).toEqual(['UNAUTHENTICATED', 401]);
    const wrong = refusal(() => assertRole(customer, 'salesman'));
    expect([wrong.code, wrong.status]).toEqual(['FORBIDDEN', 403]);
    expect(wrong.message).toBe('This is for the salesman role; you are signed in as customer.');
    expect(refusal(() => assertRole(staff, 'customer')).code).toBe('FORBIDDEN');
    expect(refusal(() => assertRole(salesman, 'staff')).code).toBe('FORBIDDEN');
    expect(refusal(() => assertSignedIn(null)).status).toBe(401);
  });

  it('lets the right role through with its ids', () => {
    expect(assertRole(salesman, 'salesman').salesmanId).toBe(salesman.salesmanId);
    expect(assertRole(customer, 'customer').customerId).toBe(customer.customerId);
    expect(assertSignedIn(staff)).toBe(staff);
  });
});

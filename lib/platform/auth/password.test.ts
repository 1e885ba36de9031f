import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores scrypt with its parameters and a random salt, never the password', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toContain('correct');
    expect(a).not.toBe(b); // same password, different salt
  });

  it('verifies the right password and refuses a wrong one, however close', async () => {
    const h = await hashPassword('switchboard-demo');
    expect(await verifyPassword('switchboard-demo', h)).toBe(true);
    for (const wrong of ['switchboard-demO', 'switchboard-demo ', '', 'switchboard']) {
      expect(await verifyPassword(wrong, h)).toBe(false);
    }
  });

  it('treats Unicode the same whichever way it was typed (NFKC)', async () => {
    const h = await hashPassword('비밀번호');
    expect(await verifyPassword('비밀번호'.normalize('NFD'), h)).toBe(true);
  });

  it('never matches (and never throws on) a malformed or tampered stored value', async () => {
    const h = await hashPassword('pw');
    const parts = h.split('$');
    const tampered = [
      '',
      'plain-text-password',
      h.replace('scrypt', 'bcrypt'),
      [...parts.slice(0, 1), String(2 ** 30), ...parts.slice(2)].join('$'), // memory bomb
      [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'), // N not a power of two
      [...parts.slice(0, 5), parts[5]!.slice(0, 10)].join('$'), // truncated hash
      [...parts.slice(0, 5), Buffer.alloc(32).toString('base64url')].join('$'), // different hash, same length
    ];
    for (const stored of tampered) expect(await verifyPassword('pw', stored)).toBe(false);
  });

  it('keeps an unknown email as slow as a wrong password (dummy hash is real scrypt)', async () => {
    const d = await dummyHash();
    expect(d).toBe(await dummyHash());
    expect(await verifyPassword('anything', d)).toBe(false);
    const t0 = performance.now();
    await verifyPassword('anything', d);
    const dummyMs = performance.now() - t0;
    const real = await hashPassword('x');
    const t1 = performance.now();
    await verifyPassword('y', real);
    const realMs = performance.now() - t1;
    // Same parameters, so the same work: allow generous noise on a shared machine.
    expect(dummyMs).toBeGreaterThan(realMs / 4);
  });
});

import { describe, expect, it } from 'vitest';
import { merchantChanges, merchantInput } from './schemas';

describe('merchant registry input', () => {
  it('takes a number, a name and the two flags (defaults: settled, not a test merchant)', () => {
    expect(merchantInput.parse({ number: ' merchant-0420 ', name: ' 한빛상회 ' })).toEqual({ number: 'merchant-0420', name: '한빛상회', settlementEnabled: true, test: false });
    expect(merchantChanges.parse({ name: 'x', settlementEnabled: false, test: true })).toEqual({ name: 'x', settlementEnabled: false, test: true });
  });

  it('names the wrong fields', () => {
    const r = merchantInput.safeParse({ number: 'M-1', name: '', test: 'yes' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['name', 'number', 'test']);
  });
});

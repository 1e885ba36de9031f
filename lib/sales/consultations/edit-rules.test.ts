import { describe, expect, it } from 'vitest';
import { canEdit, editRefusal } from './edit-rules';
import { CONSULTATION_STEPS } from './schemas';

describe('who may edit a consultation, and when', () => {
  it('allows editing only while the request waits for the salesman', () => {
    expect(CONSULTATION_STEPS.filter(canEdit)).toEqual(['requested']);
    expect(editRefusal('requested')).toBeNull();
  });

  it('explains every refusal in words the customer can act on', () => {
    expect(editRefusal('accepted')).toMatch(/already accepted.*can no longer be edited/);
    expect(editRefusal('in_progress')).toMatch(/already accepted/);
    expect(editRefusal('canceled')).toMatch(/declined.*new request/);
    expect(editRefusal('success')).toMatch(/finished/);
    expect(editRefusal('fail')).toMatch(/finished/);
  });
});

import type { ConsultationStep } from './schemas';

/** The fields a customer may change, in form order. */
export const EDITABLE_FIELDS = ['contactName', 'phone', 'company', 'message'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** A request can be edited by its customer only while no salesman has answered it (seed 003: until accepted). */
export function canEdit(step: ConsultationStep): boolean {
  return step === 'requested';
}

/** Null when editable, else the sentence the customer sees. */
export function editRefusal(step: ConsultationStep): string | null {
  switch (step) {
    case 'requested':
      return null;
    case 'accepted':
    case 'in_progress':
      return 'Your salesman has already accepted this consultation, so it can no longer be edited. Tell them about any change when they contact you.';
    case 'canceled':
      return 'This request was declined, so it can no longer be edited. Send a new request instead.';
    case 'success':
    case 'fail':
      return 'This consultation is finished, so it can no longer be edited.';
  }
}

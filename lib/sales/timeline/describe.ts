import { STEP_LABEL } from '../consultations/transitions';

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const step = (v: unknown) => STEP_LABEL[str(v) as keyof typeof STEP_LABEL] ?? str(v);

/**
 * One line saying what an event meant, from its stored payload (so the page
 * needs no source table). Unknown shapes fall back to the bare type.
 */
export function describeEvent(type: string, payload: unknown): string {
  const p = (payload && typeof payload === 'object' ? payload : {}) as Record<string, unknown>;
  switch (type) {
    case 'ConsultationCreated':
      return `${str(p.contactName)} (${str(p.company)}, ${str(p.region)}) requested a consultation on ${str(p.projectName)}`;
    case 'ConsultationEdited':
      return p.step === p.previousStep
        ? `Request details edited by the ${str(p.editedBy)}`
        : `${step(p.previousStep)} → ${step(p.step)} by the ${str(p.editedBy)}`;
    case 'InterestCreated':
    case 'InterestUpdated':
      return `${str(p.customerName)} ${p.interested ? 'is interested in' : 'is no longer interested in'} ${str(p.projectName)}`;
    case 'ProjectEdited': {
      const changed = Array.isArray(p.changed) ? p.changed.map(str).join(', ') : '';
      return `${str(p.name)} (${str(p.year)}) edited${changed ? `: ${changed}` : ''}`;
    }
    case 'ProjectCreated':
    case 'ProjectStarted':
    case 'ProjectEnded':
      return `${str(p.name)} (${str(p.year)}), status ${str(p.status)}`;
    default:
      return type;
  }
}

import type { SalesEvent } from '../../platform/events/catalog';

/** The aggregate an event is about: the id the timeline pages look events up by. */
export function subjectOf(event: SalesEvent): { kind: 'project' | 'interest' | 'consultation'; id: string } {
  switch (event.type) {
    case 'ProjectCreated':
    case 'ProjectEdited':
    case 'ProjectStarted':
    case 'ProjectEnded':
      return { kind: 'project', id: event.payload.projectId };
    case 'InterestCreated':
    case 'InterestUpdated':
      return { kind: 'interest', id: event.payload.interestId };
    case 'ConsultationCreated':
    case 'ConsultationEdited':
      return { kind: 'consultation', id: event.payload.consultationId };
  }
}

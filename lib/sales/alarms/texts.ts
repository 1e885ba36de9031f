import { STEP_LABEL } from '../consultations/transitions';
import type { EventOf } from '../../platform/events/catalog';

/** What a salesman reads for each event: a short title and one sentence. */
export interface AlarmText {
  title: string;
  body: string;
}

type ProjectEvent = EventOf<'ProjectCreated' | 'ProjectEdited' | 'ProjectStarted' | 'ProjectEnded'>;

const FIELD_LABEL: Record<string, string> = {
  name: 'name', year: 'year', scale: 'budget', target: 'target', host: 'host', summary: 'summary', link: 'link',
  startDate: 'start date', endDate: 'end date', expStartDate: 'expected start', status: 'status',
};

const won = (scale: string) => `${new Intl.NumberFormat('ko-KR').format(BigInt(scale))}원`;

export function projectAlarmText(e: ProjectEvent): AlarmText {
  const p = e.payload;
  const what = `${p.name} (${p.year})`;
  switch (e.type) {
    case 'ProjectCreated':
      return {
        title: `New project · ${what}`,
        body: `${p.host} · for ${p.target} · budget ${won(p.scale)}${p.expStartDate ? ` · expected to start ${p.expStartDate}` : ''}.`,
      };
    case 'ProjectEdited':
      return { title: `Project updated · ${what}`, body: `Changed: ${e.payload.changed.map((f) => FIELD_LABEL[f] ?? f).join(', ')}.` };
    case 'ProjectStarted':
      return { title: `Project started · ${what}`, body: `Started ${p.startDate ?? 'today'}${p.endDate ? `, runs until ${p.endDate}` : ''}. Interested customers are being notified.` };
    case 'ProjectEnded':
      return { title: `Project ended · ${what}`, body: `Ended ${p.endDate ?? 'today'}. Next year's edition will be prepared as a planned project.` };
  }
}

export function interestAlarmText(e: EventOf<'InterestCreated' | 'InterestUpdated'>): AlarmText {
  const p = e.payload;
  const who = `${p.customerName} (${p.phone})`;
  if (e.type === 'InterestCreated') {
    return p.interested
      ? { title: `New interest · ${p.projectName}`, body: `${who} is interested in ${p.projectName}.` }
      : { title: `Interest registered · ${p.projectName}`, body: `${who} saved ${p.projectName} without interest.` };
  }
  return p.interested
    ? { title: `Interest renewed · ${p.projectName}`, body: `${who} is interested in ${p.projectName} again.` }
    : { title: `Interest withdrawn · ${p.projectName}`, body: `${who} is no longer interested in ${p.projectName}.` };
}

export function consultationAlarmText(e: EventOf<'ConsultationCreated' | 'ConsultationEdited'>): AlarmText {
  const p = e.payload;
  if (e.type === 'ConsultationCreated') {
    return { title: `New consultation request · ${p.projectName}`, body: `${p.contactName} (${e.payload.company}, ${e.payload.region}) asks for a consultation.` };
  }
  if (e.payload.step === e.payload.previousStep) {
    // The customer edited the request's details; the step did not move.
    return { title: `Request edited · ${p.projectName}`, body: `${p.contactName} changed the details of their request (by ${e.payload.editedBy}).` };
  }
  return {
    title: `Consultation ${STEP_LABEL[p.step].toLowerCase()} · ${p.projectName}`,
    body: `${p.contactName}: ${STEP_LABEL[e.payload.previousStep]} → ${STEP_LABEL[p.step]} (by ${e.payload.editedBy}).`,
  };
}

import { z } from 'zod';
import { defineEvent, envelopeSchema, type Envelope, type EventDefinition } from './envelope';
import { CustomerGradeChanged, OrderPlaced, ProductListed, UserRegistered } from './commerce';
import { TOPICS } from './topics';

export { CustomerGradeChanged, OrderPlaced, ProductListed, UserRegistered };

/**
 * The one place where domain events are defined. Producers (via the outbox) and
 * consumers (via decodeEvent) both import these, so a renamed field is a type error.
 */

const consultationStep = z.enum(['requested', 'accepted', 'canceled', 'in_progress', 'success', 'fail']);

/** What every consultation event says about the consultation it concerns. */
const consultationRef = z.object({
  consultationId: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  customerId: z.uuid(),
  salesmanId: z.uuid(),
  contactName: z.string(),
  step: consultationStep,
});

export const ConsultationCreated = defineEvent({
  type: 'ConsultationCreated',
  version: 1,
  topic: TOPICS.consultations,
  key: (p) => p.consultationId,
  payload: consultationRef.extend({ company: z.string(), region: z.string() }),
});

export const ConsultationEdited = defineEvent({
  type: 'ConsultationEdited',
  version: 1,
  topic: TOPICS.consultations,
  key: (p) => p.consultationId,
  payload: consultationRef.extend({
    previousStep: consultationStep,
    editedBy: z.enum(['customer', 'salesman', 'staff']),
  }),
});

const day = z.iso.date().nullable();

/** A project as it stands after the change: consumers keep their own copies from it. */
const projectSnapshot = z.object({
  projectId: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  /** Budget in KRW as a decimal string (exceeds JSON's safe integers in principle). */
  scale: z.string().regex(/^\d+$/),
  target: z.string(),
  host: z.string(),
  summary: z.string(),
  link: z.string().nullable(),
  startDate: day,
  endDate: day,
  expStartDate: day,
  status: z.enum(['planned', 'ongoing', 'ended']),
});

const projectEvent = <T extends string>(type: T) =>
  defineEvent({ type, version: 1, topic: TOPICS.projects, key: (p) => p.projectId, payload: projectSnapshot });

export const ProjectCreated = projectEvent('ProjectCreated');
export const ProjectEdited = defineEvent({
  type: 'ProjectEdited',
  version: 1,
  topic: TOPICS.projects,
  key: (p) => p.projectId,
  payload: projectSnapshot.extend({ changed: z.array(z.string()) }),
});
export const ProjectStarted = projectEvent('ProjectStarted');
export const ProjectEnded = projectEvent('ProjectEnded');

const interestRef = z.object({
  interestId: z.uuid(),
  customerId: z.uuid(),
  customerName: z.string(),
  phone: z.string(),
  projectId: z.uuid(),
  projectName: z.string(),
  salesmanId: z.uuid().nullable(),
  interested: z.boolean(),
});

export const InterestCreated = defineEvent({
  type: 'InterestCreated',
  version: 1,
  topic: TOPICS.interests,
  key: (p) => p.interestId,
  payload: interestRef,
});

export const InterestUpdated = defineEvent({
  type: 'InterestUpdated',
  version: 1,
  topic: TOPICS.interests,
  key: (p) => p.interestId,
  payload: interestRef.extend({ previouslyInterested: z.boolean() }),
});

/** The sales desk's events (seed 003): its read models and timelines take these and no others. */
export const SALES_EVENTS = [
  ProjectCreated,
  ProjectEdited,
  ProjectStarted,
  ProjectEnded,
  InterestCreated,
  InterestUpdated,
  ConsultationCreated,
  ConsultationEdited,
] as const;

export const EVENT_DEFINITIONS = [
  ProjectCreated,
  ProjectEdited,
  ProjectStarted,
  ProjectEnded,
  InterestCreated,
  InterestUpdated,
  ConsultationCreated,
  ConsultationEdited,
  UserRegistered,
  ProductListed,
  OrderPlaced,
  CustomerGradeChanged,
] as const;

type Defs = (typeof EVENT_DEFINITIONS)[number];
type PayloadOf<D> = D extends EventDefinition<string, infer P> ? P : never;

/** A decoded event: the type field narrows the payload. */
export type DomainEvent = { [D in Defs as D['type']]: Envelope<PayloadOf<D>> & { type: D['type'] } }[Defs['type']];
export type EventType = DomainEvent['type'];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
export type SalesEventType = (typeof SALES_EVENTS)[number]['type'];
export type SalesEvent = EventOf<SalesEventType>;
export const SALES_EVENT_TYPES: ReadonlySet<EventType> = new Set(SALES_EVENTS.map((d) => d.type));

const byTypeAndVersion = new Map<string, EventDefinition>(
  EVENT_DEFINITIONS.map((d) => [`${d.type}@${d.version}`, d as EventDefinition]),
);

export type DecodeResult = { ok: true; event: DomainEvent } | { ok: false; reason: string };

/** Validates a raw Kafka value; never throws, so a bad message can go to the dead-letter topic. */
export function decodeEvent(raw: Buffer | string | null): DecodeResult {
  if (raw === null) return { ok: false, reason: 'empty message value' };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch (e) {
    return { ok: false, reason: `not JSON: ${(e as Error).message}` };
  }
  const env = envelopeSchema.safeParse(json);
  if (!env.success) return { ok: false, reason: `bad envelope: ${z.prettifyError(env.error)}` };
  const def = byTypeAndVersion.get(`${env.data.type}@${env.data.version}`);
  if (!def) return { ok: false, reason: `unknown event type/version ${env.data.type}@${env.data.version}` };
  const payload = def.payload.safeParse(env.data.payload);
  if (!payload.success) {
    return { ok: false, reason: `bad ${def.type} payload: ${z.prettifyError(payload.error)}` };
  }
  return { ok: true, event: { ...env.data, payload: payload.data } as DomainEvent };
}

import type { EventOf } from '../../../platform/events/catalog';

/** The payloads the shop produces, as the event catalog defines them. */
export type UserRegisteredPayload = EventOf<'UserRegistered'>['payload'];
export type ProductListedPayload = EventOf<'ProductListed'>['payload'];
export type OrderPlacedPayload = EventOf<'OrderPlaced'>['payload'];
export type OrderLinePayload = OrderPlacedPayload['lines'][number];

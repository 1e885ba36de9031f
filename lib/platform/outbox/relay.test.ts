import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { refusedForGood } from './relay';

// kafkajs builds protocol errors from the broker's error code; these are its shapes (type, retriable).
const protocol = (type: string, retriable: boolean) => new KafkaJSProtocolError({ type, code: 0, retriable, message: `${type} from the broker` } as never);
// What kafkajs's retrier throws when it gives up on a non-retriable error (its types omit the second argument).
const gaveUp = (cause: Error) => Reflect.construct(KafkaJSNonRetriableError, [cause, { cause }]) as Error;

describe('refusedForGood', () => {
  it('names a refusal of the records themselves, as kafkajs wraps it when it gives up', () => {
    const tooLarge = protocol('MESSAGE_TOO_LARGE', false);
    expect(refusedForGood(gaveUp(tooLarge))).toBe('MESSAGE_TOO_LARGE');
    expect(refusedForGood(protocol('INVALID_RECORD', false))).toBe('INVALID_RECORD');
  });

  it('leaves what may pass to the retry: a broker away, a missing topic, authorisation', () => {
    const gone = new KafkaJSConnectionError('Connection refused');
    expect(refusedForGood(new KafkaJSNumberOfRetriesExceeded(gone, { retryCount: 5, retryTime: 1000 }))).toBeNull();
    expect(refusedForGood(protocol('UNKNOWN_TOPIC_OR_PARTITION', true))).toBeNull();
    const denied = protocol('TOPIC_AUTHORIZATION_FAILED', false);
    expect(refusedForGood(gaveUp(denied))).toBeNull();
    expect(refusedForGood(new Error('anything else'))).toBeNull();
    expect(refusedForGood(undefined)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { channelOf, notifierConfig, retryDelayMs } from './config';

describe('notifier config', () => {
  it('defaults to the inbox with a timeout, retries and a breaker when nothing is set', () => {
    const c = notifierConfig({});
    expect(channelOf(c)).toBe('inbox');
    expect(c).toMatchObject({ webhookUrl: undefined, timeoutMs: 5_000, retries: 2, breakerFailures: 5, halfOpenAfterMs: 15_000 });
  });

  it('switches to the webhook when NOTIFY_WEBHOOK_URL is set, and reads numbers from strings', () => {
    const c = notifierConfig({ NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/hook', NOTIFY_TIMEOUT_MS: '300', NOTIFY_RETRIES: '0', NOTIFY_POLL_MS: '' });
    expect(channelOf(c)).toBe('webhook');
    expect(c).toMatchObject({ webhookUrl: 'http://127.0.0.1:9/hook', timeoutMs: 300, retries: 0, pollMs: 500 });
  });

  it('refuses a URL that is not http(s) and numbers out of range, naming the variable', () => {
    expect(() => notifierConfig({ NOTIFY_WEBHOOK_URL: 'ftp://x/y' })).toThrow(/NOTIFY_WEBHOOK_URL/);
    expect(() => notifierConfig({ NOTIFY_WEBHOOK_URL: 'not a url' })).toThrow(/NOTIFY_WEBHOOK_URL/);
    expect(() => notifierConfig({ NOTIFY_TIMEOUT_MS: '0' })).toThrow(/NOTIFY_TIMEOUT_MS/);
    expect(() => notifierConfig({ NOTIFY_RETRIES: 'many' })).toThrow(/NOTIFY_RETRIES/);
  });

  it('never lets the backoff cap fall below its base', () => {
    expect(notifierConfig({ NOTIFY_BACKOFF_BASE_MS: '5000', NOTIFY_BACKOFF_MAX_MS: '1000' }).backoffMaxMs).toBe(5_000);
  });
});

describe('retry delay', () => {
  const c = { backoffBaseMs: 1_000, backoffMaxMs: 60_000 };
  it('doubles with each failed attempt, between half and all of the exponential step', () => {
    expect(retryDelayMs(1, c, () => 0)).toBe(500);
    expect(retryDelayMs(1, c, () => 1)).toBe(1_000);
    expect(retryDelayMs(2, c, () => 1)).toBe(2_000);
    expect(retryDelayMs(4, c, () => 0.5)).toBe(6_000);
  });

  it('stops growing at the cap, even after very many attempts', () => {
    expect(retryDelayMs(7, c, () => 1)).toBe(60_000);
    expect(retryDelayMs(500, c, () => 1)).toBe(60_000);
    expect(retryDelayMs(500, c, () => 0)).toBe(30_000);
  });
});

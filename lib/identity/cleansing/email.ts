export type EmailFlag = 'invalid' | 'placeholder';

export interface CleanEmail {
  raw: string;
  /** trimmed and lowercased (after NFKC, so a full-width ＠ typed through a Korean IME becomes @) */
  value: string;
  valid: boolean;
  /** valid and not a placeholder: may be compared */
  matchable: boolean;
  flags: EmailFlag[];
}

// The WHATWG HTML form rule (what a browser accepts), plus a dot in the domain and no dot at the ends of the local
// part or twice in it. No DNS: whether the mailbox exists is not L1's business.
const EMAIL = /^(?!\.)(?!.*\.\.)[a-z0-9.!#$%&'*+/=?^_`{|}~-]+(?<!\.)@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}$/;

// Addresses staff type when the customer has none: many people share them, so they must never link anyone.
const PLACEHOLDER_LOCAL = new Set(['none', 'noemail', 'no-email', 'no_email', 'noreply', 'no-reply', 'null', 'unknown', 'test', 'na', 'nomail', 'x', 'xxx', 'aaa', 'abc']);
const PLACEHOLDER_DOMAIN = /^(?:example\.(?:com|org|net)|test\.com|test\.co\.kr|none\.com|noemail\.com|email\.test|invalid|localhost)$/;

/** An email trimmed and lowercased; an invalid or placeholder one is kept but flagged, and never compared. */
export function cleanEmail(input: string): CleanEmail {
  const raw = input.trim();
  const value = raw.normalize('NFKC').trim().toLowerCase().replace(/^mailto:/, '');
  const valid = EMAIL.test(value);
  const flags: EmailFlag[] = [];
  if (!valid) flags.push('invalid');
  else {
    const at = value.lastIndexOf('@');
    if (PLACEHOLDER_LOCAL.has(value.slice(0, at)) || PLACEHOLDER_DOMAIN.test(value.slice(at + 1))) flags.push('placeholder');
  }
  return { raw, value, valid, matchable: flags.length === 0, flags };
}

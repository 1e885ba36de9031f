/**
 * Effective-dated payout rules (seed 004's GlobalKTable of rules): per merchant x payment method x action, a rule
 * applies from its effective day until the next rule of the same key. A payment takes the rule in force on its
 * Korea-time approval day, so a replay months later settles it exactly as the first time, and a rule changed today
 * leaves yesterday's payments on their old rule. No rule for the key: the caller uses the default rule and flags it.
 */
import type { Day } from '../calendar/business-days';
import type { PayoutRule } from '../base/classify';

export interface DatedRule extends PayoutRule {
  merchantNumber: string;
  method: string;
  action: string;
  /** first Korea day the rule applies to */
  effectiveFrom: Day;
}

const key = (merchantNumber: string, method: string, action: string) => `${merchantNumber}\0${method}\0${action}`;

/** The rules by key, each key's rules newest first; loaded once and looked up per payment. */
export class RuleBook {
  private readonly byKey = new Map<string, DatedRule[]>();

  constructor(rules: Iterable<DatedRule>) {
    for (const r of rules) {
      const k = key(r.merchantNumber, r.method, r.action);
      this.byKey.set(k, [...(this.byKey.get(k) ?? []), r]);
    }
    for (const list of this.byKey.values()) {
      list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : a.id < b.id ? 1 : -1));
    }
  }

  /** The rule in force on `day` (ISO days compare as strings), or null. */
  ruleFor(merchantNumber: string, method: string, action: string, day: Day): DatedRule | null {
    return this.byKey.get(key(merchantNumber, method, action))?.find((r) => r.effectiveFrom <= day) ?? null;
  }
}

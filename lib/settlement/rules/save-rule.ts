import { randomUUID } from 'node:crypto';
import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { PayoutRuleSaved } from '../../platform/events/settlement';
import { recordEvent } from '../../platform/outbox/record-event';
import type { Viewer } from '../../platform/session/viewer';
import { parseOrThrow } from '../../platform/validation';
import { todayKst } from '../desk/days';
import { effectiveFromProblem, payoutRuleInput } from './schemas';
import { toRuleView, type RuleView } from './queries';

/**
 * Staff save a payout rule change: the PayoutRule row and its PayoutRuleSaved event (outbox -> compacted
 * `payout-rules`, keyed merchant|method|action|effectiveFrom) in one transaction, so every settlement worker learns
 * exactly the rules the desk lists.
 *
 * The same merchant x method x action and day again replaces that scheduled rule (same id, same Kafka key, so the
 * compacted topic keeps only the new one): it is in the future, no payment has been settled on it yet. Rules in force
 * or past can never be changed: effectiveFrom must be after today, checked again inside the transaction.
 */
export async function saveRule({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<{ rule: RuleView; replaced: boolean }> {
  if (viewer?.role !== 'staff') throw new AppError('FORBIDDEN', 'Only staff change payout rules.');
  const data = parseOrThrow(payoutRuleInput, input);
  const key = { merchantNumber: data.merchantNumber, method: data.method, action: data.action, effectiveFrom: data.effectiveFrom };
  try {
    return await db.$transaction(async (tx) => {
      const merchant = await tx.merchant.findUnique({ where: { number: key.merchantNumber }, select: { number: true } });
      if (!merchant) throw new AppError('INVALID', 'Please correct the highlighted fields.', { merchantNumber: [`No merchant ${key.merchantNumber} in the registry; add it under Merchants first.`] });
      // the day may have turned since the form was checked
      const problem = effectiveFromProblem(key.effectiveFrom, todayKst());
      if (problem) throw new AppError('INVALID', 'Please correct the highlighted fields.', { effectiveFrom: [problem] });
      const existing = await tx.payoutRule.findUnique({ where: { merchantNumber_method_action_effectiveFrom: key }, select: { id: true } });
      const fields = { feeRateBp: data.feeRate, payoutDays: data.payoutDays, note: data.note, createdBy: viewer.name };
      const rule = existing
        ? await tx.payoutRule.update({ where: { id: existing.id }, data: fields })
        : await tx.payoutRule.create({ data: { id: randomUUID(), ...key, ...fields } });
      await recordEvent(tx, PayoutRuleSaved, {
        id: rule.id, merchantNumber: rule.merchantNumber, method: key.method, action: key.action, effectiveFrom: rule.effectiveFrom,
        feeRateBp: rule.feeRateBp, payoutDays: rule.payoutDays,
      }, { correlationId: randomUUID() });
      return { rule: toRuleView(rule, todayKst()), replaced: Boolean(existing) };
    });
  } catch (e) {
    // two staff saving the same new rule at once: the unique key lets one in
    if ((e as { code?: string }).code === 'P2002') {
      throw new AppError('CONFLICT', `A rule for ${key.merchantNumber} ${key.method} ${key.action} from ${key.effectiveFrom} was saved at the same moment; reload and check it.`);
    }
    throw e;
  }
}

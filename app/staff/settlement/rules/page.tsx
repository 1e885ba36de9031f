import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { plusDays, todayKst } from '@/lib/settlement/desk/days';
import { listMerchants } from '@/lib/settlement/registry/queries';
import { merchantNumber } from '@/lib/settlement/registry/schemas';
import { listRules } from '@/lib/settlement/rules/queries';
import { RuleForm } from '../_components/rule-form';
import styles from '../settlement.module.css';

export const dynamic = 'force-dynamic';

const STATE_CLASS = { 'in force': 'success', scheduled: 'planned', superseded: '' } as const;

/** Payout rules per merchant x method x action, effective-dated: which is in force today, which are scheduled. */
export default async function RulesPage({ searchParams }: { searchParams: Promise<{ merchant?: string }> }) {
  await pageViewer('staff');
  const asked = merchantNumber.safeParse((await searchParams).merchant);
  const only = asked.success ? asked.data : undefined;
  const today = todayKst();
  const [merchants, groups] = await Promise.all([listMerchants(), listRules({ merchantNumber: only, today })]);
  return (
    <>
      <PageHeader
        title="Payout rules"
        description={`Fee rate and payout day (D+N business days) per merchant, payment method and action. A payment takes the rule in force on its approval day (Korea time); a key without one is settled on the default rule and flagged. Today is ${today}.`}
      />
      <section className="panel" aria-labelledby="new-h">
        <h2 id="new-h">Schedule a rule change</h2>
        <RuleForm merchants={merchants} tomorrow={plusDays(today, 1)} merchant={only} />
      </section>
      <div className={styles.toolbar}>
        <form method="get" aria-label="Rules of one merchant">
          <label>Merchant
            <select name="merchant" defaultValue={only ?? ''}>
              <option value="">All merchants with rules</option>
              {merchants.map((m) => <option key={m.number} value={m.number}>{m.number} {m.name}</option>)}
            </select>
          </label>
          <button type="submit" className="secondary">Show</button>
        </form>
      </div>
      {groups.length === 0 ? (
        <section className="panel"><EmptyState title={only ? `No rules for ${only}` : 'No payout rules yet'}>Its payments are settled on the default rule (flagged on each base) until one applies.</EmptyState></section>
      ) : groups.map((g) => (
        <section key={g.merchantNumber} className="panel" aria-labelledby={`r-${g.merchantNumber}`} data-testid={`rules-${g.merchantNumber}`}>
          <h2 id={`r-${g.merchantNumber}`}>{g.merchantNumber} <span className="muted">{g.name ?? 'not in the registry'}</span> {!only && <Link className="button secondary small" href={`/staff/settlement/rules?merchant=${g.merchantNumber}`}>Only this merchant</Link>}</h2>
          <div className="table-wrap">
            <table aria-label={`Payout rules of ${g.merchantNumber}`}>
              <thead>
                <tr><th scope="col">Method</th><th scope="col">Action</th><th scope="col">From</th><th scope="col" className={styles.num}>Fee</th><th scope="col" className={styles.num}>Payout</th><th scope="col">State today</th><th scope="col">Note</th><th scope="col">Saved</th></tr>
              </thead>
              <tbody>
                {g.rules.map((r) => (
                  <tr key={r.id} className={r.state === 'superseded' ? styles.off : undefined} data-testid={`rule-${r.method}-${r.action}-${r.effectiveFrom}`}>
                    <td>{r.method}</td><td>{r.action}</td><td>{r.effectiveFrom}</td>
                    <td className={styles.num}>{r.feeRate} %</td><td className={styles.num}>D+{r.payoutDays}</td>
                    <td><span className={`badge ${STATE_CLASS[r.state]}`}>{r.state === 'scheduled' ? `scheduled from ${r.effectiveFrom}` : r.state}</span></td>
                    <td>{r.note ?? ''}</td>
                    <td className="muted">{r.createdBy ?? ''} {r.createdAt.slice(0, 16).replace('T', ' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

import Link from 'next/link';
import { defaultRuleset } from '@/lib/identity/linking/default-ruleset';
import type { PairExplanation, ProfilePage, ProfileRecord } from '@/lib/identity/desk/profile';
import { kstDateTime } from '@/lib/platform/time/kst';
import { SOURCE_LABEL } from './format';
import styles from '../customers.module.css';

const RULE_WHY = new Map(defaultRuleset.rules.map((r) => [r.id, r.why]));
const ruleName = (id: string | null) => (id === null ? 'no rule' : id === 'manual' ? 'staff merge' : id);

const GOLDEN: { key: 'name' | 'birthDate' | 'gender' | 'address'; label: string }[] = [
  { key: 'name', label: 'Name' }, { key: 'birthDate', label: 'Birth date' }, { key: 'gender', label: 'Gender' }, { key: 'address', label: 'Address' },
];

/** Each golden field with the record that won, its source, the rule that chose it and why. */
export function GoldenFields({ golden }: { golden: ProfilePage['golden'] }) {
  return (
    <div className="table-wrap">
      <table aria-label="Golden fields and their provenance" data-testid="golden">
        <thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Record</th><th scope="col">Source</th><th scope="col">Rule</th><th scope="col">Why</th></tr></thead>
        <tbody>
          {GOLDEN.map(({ key, label }) => {
            const f = golden[key];
            const value = !f ? null : key === 'address' ? (f.value as { text: string }).text : String(f.value);
            return (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td>{value ?? <span className="muted">none of the records has one</span>}</td>
                <td className={styles.mono}>{f?.provenance.record ?? '–'}</td>
                <td>{f ? SOURCE_LABEL[f.provenance.source] ?? f.provenance.source : '–'}</td>
                <td>{f?.provenance.rule ?? '–'}</td>
                <td>{f?.provenance.why ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Every phone and email of the profile (no single golden phone), with its kind and the sources holding it. */
export function ContactPoints({ contactPoints }: { contactPoints: ProfilePage['contactPoints'] }) {
  const rows = [...contactPoints.phones.map((c) => ({ ...c, what: 'Phone' })), ...contactPoints.emails.map((c) => ({ ...c, what: 'Email' }))];
  if (!rows.length) return <p className="muted">No phone or email in any record.</p>;
  return (
    <div className="table-wrap">
      <table aria-label="Contact points" data-testid="contact-points">
        <thead><tr><th scope="col">Contact point</th><th scope="col">Value</th><th scope="col">Kind</th><th scope="col">Sources</th><th scope="col">Records</th></tr></thead>
        <tbody>
          {rows.map((c) => (
            <tr key={`${c.what}-${c.value}`}>
              <th scope="row">{c.what}</th>
              <td className={styles.nowrap}>{c.shown}{c.shown !== c.value && <div className={`muted ${styles.mono}`}>{c.value}</div>}</td>
              <td>{c.kind ?? (c.usable ? 'valid' : 'unusable')}{c.kind && !c.usable && ' (unusable)'}</td>
              <td>{c.sources.join(', ')}</td>
              <td className={styles.mono}>{c.records.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const rawFields = (raw: Record<string, unknown>) =>
  Object.entries(raw).filter(([k, v]) => !/^(created_at|updated_at)$/.test(k) && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));

function cleansed(r: ProfileRecord): [string, string][] {
  const l1 = r.l1;
  const out: [string, string][] = [];
  if (l1.name) out.push(['name', l1.name.display]);
  for (const p of l1.phones) out.push(['phone', p.e164 ? `${p.e164} (${p.kind})` : `${p.raw} (${p.kind})`]);
  if (l1.email) out.push(['email', `${l1.email.value}${l1.email.matchable ? '' : ' (not matchable)'}`]);
  if (l1.birth?.date) out.push(['birth', `${l1.birth.date}${l1.birth.gender ? ` ${l1.birth.gender}` : ''}`]);
  if (l1.address) out.push(['address', l1.address.normalised || l1.address.raw]);
  if (l1.flags.length) out.push(['flags', l1.flags.join(', ')]);
  return out;
}

/** The source records: as the source wrote them, and as the L1 step cleansed them. */
export function SourceRecords({ records }: { records: ProfileRecord[] }) {
  return (
    <div className="table-wrap">
      <table aria-label="Source records" data-testid="records">
        <thead><tr><th scope="col">Record</th><th scope="col">Source</th><th scope="col">As the source wrote it</th><th scope="col">Cleansed (L1)</th><th scope="col">Changed</th></tr></thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.key} data-record={r.key}>
              <th scope="row" className={styles.mono}>{r.key}</th>
              <td>{SOURCE_LABEL[r.source] ?? r.source}<div className="muted">id {r.sourceId}</div></td>
              <td>{rawFields(r.raw).map(([k, v]) => <div key={k}><span className="muted">{k}</span> {Array.isArray(v) ? v.join(', ') : String(v)}</div>)}</td>
              <td>{cleansed(r).map(([k, v], i) => <div key={`${k}-${i}`}><span className="muted">{k}</span> {v}</div>)}</td>
              <td className={styles.nowrap}>{kstDateTime(r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One pair: the rule that linked it (or what refused it), and every rule's comparisons, one line each. */
export function Pair({ p }: { p: PairExplanation }) {
  const title = `${p.a} ~ ${p.b}`;
  return (
    <li className={styles.pair} data-pair={title}>
      <h3>{title}</h3>
      {p.refusal ? (
        <p><span className="badge canceled">{p.refusal.kind}</span> refused: {p.refusal.detail}{p.rule !== 'manual' && ` (the link was ${ruleName(p.rule)})`}</p>
      ) : (
        <p>Linked by <strong>{ruleName(p.rule)}</strong> (score {p.score.toFixed(2)}){RULE_WHY.get(p.rule) && <>: {RULE_WHY.get(p.rule)}</>}</p>
      )}
      <ul className={styles.rules} aria-label={`Rules compared for ${title}`}>
        {p.evaluation.rules.map((r) => (
          <li key={r.id}>
            <strong>{r.id}</strong> {r.matched ? <span className={styles.ok}>matches</span> : <span className="muted">does not match</span>}
            <ul className={styles.comparisons}>
              {r.comparisons.map((c, i) => <li key={i}>{c.matched ? '✓' : '✗'} {c.explanation}</li>)}
            </ul>
          </li>
        ))}
      </ul>
    </li>
  );
}

interface SplitDetail { parts?: { profileId: string; records: string[] }[]; absorbed?: string[] }

/** Merges, splits and the rest, newest first, each with its cause; a split names the profiles it made. */
export function History({ history, current }: { history: ProfilePage['history']; current: string }) {
  if (!history.length) return <p className="muted">No history.</p>;
  return (
    <ol className={styles.history} aria-label="Profile history" data-testid="history">
      {history.map((h) => {
        const d = (h.detail ?? {}) as SplitDetail;
        return (
          <li key={h.seq} data-type={h.type}>
            <strong>{h.type}</strong> <span className="muted">{kstDateTime(h.at)}</span> · {h.summary}
            {h.by && <div>by {h.by}{h.why && <>: “{h.why}”</>}</div>}
            {h.type === 'split' && d.parts && (
              <div>parts: {d.parts.map((part, i) => (
                <span key={part.profileId}>{i > 0 && ', '}{part.profileId === current ? <span className={styles.mono}>{part.profileId} (this one)</span> : <Link className={styles.mono} href={`/staff/customers/${part.profileId}`}>{part.profileId}</Link>} ({part.records.join(', ')})</span>
              ))}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Staff decisions in force that name this profile's records. */
export function Decisions({ manual }: { manual: ProfilePage['manual'] }) {
  if (!manual.length) return <p className="muted">No staff decision names these records.</p>;
  return (
    <div className="table-wrap">
      <table aria-label="Staff decisions in force" data-testid="decisions">
        <thead><tr><th scope="col">Decision</th><th scope="col">Records</th><th scope="col">Who</th><th scope="col">Why</th><th scope="col">When</th></tr></thead>
        <tbody>
          {manual.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.kind === 'ban' ? 'split: not the same person' : m.kind === 'merge' ? 'merge: same person' : m.kind}</th>
              <td className={styles.mono}>{m.a.join(', ')} {m.kind === 'ban' ? '≠' : '='} {m.b.join(', ')}</td>
              <td>{m.by}</td>
              <td>{m.why}</td>
              <td className={styles.nowrap}>{kstDateTime(m.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

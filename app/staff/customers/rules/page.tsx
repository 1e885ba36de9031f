import { PageHeader } from '@/components/ui/page-header';
import { defaultRuleset } from '@/lib/identity/linking/default-ruleset';
import type { Criterion } from '@/lib/identity/linking/ruleset';
import { DEFAULT_UNIFY_CONFIG } from '@/lib/identity/unify/config';
import { pageViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

const FIELD: Record<Criterion['field'], string> = { name: 'name', phone: 'phone', email: 'email', birth: 'birth date', address: 'address' };

function criterion(c: Criterion): string {
  switch (c.method) {
    case 'exact': return `${FIELD[c.field]}: exactly as written`;
    case 'exact-normalised': return `${FIELD[c.field]}: equal once cleansed${c.field === 'phone' ? ' (E.164; shared and virtual numbers never count alone)' : c.field === 'email' ? ' (lower case; invalid and placeholder emails never count)' : ''}`;
    case 'fuzzy': return c.algorithm === 'jaro-winkler'
      ? `${FIELD[c.field]}: Jaro-Winkler ≥ ${c.threshold} on the ${c.field === 'name' ? 'jamo form' : 'cleansed value'}`
      : `${FIELD[c.field]}: at most ${c.maxDistance} edits`;
    case 'date-equal': return `${FIELD[c.field]}: the same date`;
    case 'same-district': return `${FIELD[c.field]}: the same 시/도 and 시/군/구`;
  }
}

/**
 * The match rules the linker runs (read-only): they are configuration, lib/identity/linking/default-ruleset.json in
 * the format of docs/identity-rules.md, changed by a release; a CSV import may bring its own (--rules FILE).
 */
export default async function MatchRulesPage() {
  await pageViewer('staff');
  const r = defaultRuleset;
  return (
    <>
      <PageHeader
        title="Match rules"
        description={`Two records are one person when one of these rules matches (all of its criteria), unless a guard says otherwise. Ruleset “${r.name}”, version ${r.version}; read-only here: it is the file lib/identity/linking/default-ruleset.json, documented in docs/identity-rules.md.`}
      />
      <section className="panel" aria-labelledby="rules-h">
        <h2 id="rules-h">Rules, in priority order</h2>
        <div className="table-wrap">
          <table aria-label="Match rules" data-testid="match-rules">
            <thead><tr><th scope="col">Rule</th><th scope="col">All of</th><th scope="col">Why</th></tr></thead>
            <tbody>
              {r.rules.map((rule) => (
                <tr key={rule.id}>
                  <th scope="row">{rule.id}</th>
                  <td><ul>{rule.criteria.map((c, i) => <li key={i}>{criterion(c)}</li>)}</ul></td>
                  <td>{rule.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="guards-h">
        <h2 id="guards-h">Guards</h2>
        <ul>
          <li>Never in one profile: records with different {r.conflicts.map((f) => (f === 'birth' ? 'birth date' : f)).join(', ')}s (the link is refused and shown on both profiles).</li>
          <li>A profile that would grow past {r.limits.maxGroupSize} records is held for review instead of merged.</li>
          <li>A blocking key (a phone, an email, a name with a birth date or a district) shared by more than {r.limits.maxBlockSize} records finds no candidates: an office number or a very common name cannot link everyone.</li>
          <li>Staff decisions win: a split keeps its records apart through later changes; a merge links two profiles whatever the rules say.</li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="unify-h">
        <h2 id="unify-h">Golden fields</h2>
        <div className="table-wrap">
          <table aria-label="Golden field rules">
            <thead><tr><th scope="col">Field</th><th scope="col">Decided by, in order (empty values never count)</th></tr></thead>
            <tbody>
              {Object.entries(DEFAULT_UNIFY_CONFIG.fields).map(([field, rules]) => (
                <tr key={field}>
                  <th scope="row">{field}</th>
                  <td>{rules.map((u) => (u.rule === 'source-priority' ? `source priority (${u.sources.join(' > ')})` : u.rule.replace(/-/g, ' '))).join(', then ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">Every phone and email is kept as a contact point; none is chosen.</p>
      </section>
    </>
  );
}

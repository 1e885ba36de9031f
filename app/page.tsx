import { switchViewer } from '@/app/actions/viewer';
import { listPeople } from '@/lib/people/queries';

export const dynamic = 'force-dynamic';

function Choice({ value, title, detail }: { value: string; title: string; detail: string }) {
  return (
    <form action={switchViewer}>
      <input type="hidden" name="viewer" value={value} />
      <button type="submit">
        <strong>{title}</strong>
        <br />
        <span className="muted">{detail}</span>
      </button>
    </form>
  );
}

export default async function Home({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const [{ customers, salesmen }, { error }] = await Promise.all([listPeople(), searchParams]);
  return (
    <>
      <h1>Choose a role</h1>
      {error && <p className="notice bad" role="alert">That person no longer exists; choose again.</p>}
      <section className="panel" aria-labelledby="staff-h">
        <h2 id="staff-h">Staff</h2>
        <div className="cards"><Choice value="staff" title="Staff" detail="Projects, consultations, statistics" /></div>
      </section>
      <section className="panel" aria-labelledby="customers-h">
        <h2 id="customers-h">Customers</h2>
        <div className="cards">
          {customers.map((c) => (
            <Choice key={c.id} value={`customer:${c.id}`} title={c.name} detail={`${c.company} · ${c.region}`} />
          ))}
        </div>
      </section>
      <section className="panel" aria-labelledby="salesmen-h">
        <h2 id="salesmen-h">Salesmen</h2>
        <div className="cards">
          {salesmen.map((s) => (
            <Choice key={s.id} value={`salesman:${s.id}`} title={s.name} detail={`Covers ${s.regions.join(', ')}`} />
          ))}
        </div>
      </section>
    </>
  );
}

import Link from 'next/link';

/** Unknown addresses and records that are not yours look the same: there is nothing here for you. */
export default function NotFound() {
  return (
    <section className="panel state-page" aria-labelledby="nf-h">
      <h1 id="nf-h">Not found</h1>
      <p className="muted">There is nothing at this address, or it belongs to someone else.</p>
      <div className="actions">
        <Link className="button" href="/">Go to my desk</Link>
      </div>
    </section>
  );
}

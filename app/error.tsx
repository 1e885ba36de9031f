'use client';

import Link from 'next/link';

/** A page that failed to render: say so plainly, offer a retry and a way out; nothing the user saved is lost. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="panel state-page" role="alert" aria-labelledby="error-h">
      <h1 id="error-h">Something went wrong</h1>
      <p className="muted">
        This page could not be loaded{error.digest ? ` (reference ${error.digest})` : ''}. Your data is safe; try again in a moment.
      </p>
      <div className="actions">
        <button type="button" onClick={reset}>Try again</button>
        <Link className="button secondary" href="/">Go to my desk</Link>
      </div>
    </section>
  );
}

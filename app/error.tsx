'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="panel" role="alert">
      <h1>Something went wrong</h1>
      <p className="muted">The page could not be loaded{error.digest ? ` (reference ${error.digest})` : ''}. Your data is safe.</p>
      <button onClick={reset}>Try again</button>
    </section>
  );
}

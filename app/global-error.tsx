'use client';

/**
 * Last resort when even the layout fails (say the database is down while the
 * session is looked up): it replaces the whole document, so it brings its own
 * minimal markup and styles.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, padding: '2rem', background: '#f4f6f9', color: '#1b1f24' }}>
        <main role="alert" style={{ maxWidth: '36rem', margin: '0 auto', background: '#fff', border: '1px solid #dfe3e9', borderRadius: 10, padding: '1.5rem' }}>
          <h1 style={{ fontSize: '1.4rem', marginTop: 0 }}>Switchboard is not available right now</h1>
          <p>
            The page could not be loaded{error.digest ? ` (reference ${error.digest})` : ''}. Your data is safe; please try again in a moment.
          </p>
          <button type="button" onClick={reset} style={{ font: 'inherit', padding: '.5rem 1rem', borderRadius: 7, border: 0, background: '#2457d6', color: '#fff' }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}

/** Shown while a page's server data loads: the page's shape, so nothing jumps when it arrives. */
export default function Loading() {
  return (
    <div className="loading" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">Loading…</span>
      <div className="skeleton skeleton-title" />
      <div className="grid-2">
        <div className="panel"><div className="skeleton" /><div className="skeleton" /><div className="skeleton short" /></div>
        <div className="panel"><div className="skeleton" /><div className="skeleton" /><div className="skeleton short" /></div>
      </div>
    </div>
  );
}

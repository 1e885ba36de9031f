import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { describeEvent } from '@/lib/sales/timeline/describe';
import { kstDateTime } from '@/lib/platform/time/kst';
import type { Timeline } from '@/lib/sales/timeline/queries';
import type { TimelineNode } from '@/lib/sales/timeline/tree';
import styles from './timeline.module.css';

const time = kstDateTime;
const after = (from: string, to: string) => `${((Date.parse(to) - Date.parse(from)) / 1000).toFixed(2)} s`;
const short = (id: string) => id.slice(0, 8);

const LINK_TEXT = { root: 'start of the chain', caused: 'caused by', follows: 'after' } as const;

/** Where another subject's own timeline lives, when it has one. */
function subjectHref(type: string, subjectId: string): string | null {
  if (type.startsWith('Project')) return `/staff/timeline/project/${subjectId}`;
  if (type.startsWith('Consultation')) return `/staff/timeline/consultation/${subjectId}`;
  return null;
}

function Node({ node, parentType, subjectId }: { node: TimelineNode; parentType?: string; subjectId: string }) {
  const e = node.event;
  const other = e.subjectId !== subjectId ? subjectHref(e.type, e.subjectId) : null;
  return (
    <li data-event-type={e.type} data-link={node.link} data-event-id={e.eventId}>
      <article className={styles.node} aria-label={`${e.type} at ${time(e.occurredAt)}`}>
        <div className={styles.head}>
          <span className={styles.link}>{node.link === 'root' ? LINK_TEXT.root : `${LINK_TEXT[node.link]} ${parentType}`}</span>
          <span className={styles.type}>{e.type}</span>
          <time dateTime={e.occurredAt} className="muted">{time(e.occurredAt)}</time>
        </div>
        <p>{describeEvent(e.type, e.payload)}{other && <> · <Link href={other}>its own timeline</Link></>}</p>
        <p className={styles.meta}>
          event {short(e.eventId)} · correlation {short(e.correlationId)} · causation {e.causationId ? short(e.causationId) : 'none (a user command)'}
        </p>
        {e.processedBy.length === 0 ? (
          <p className={styles.meta}>No consumer group has recorded it as processed yet.</p>
        ) : (
          <ul className={styles.consumers} aria-label="Processed by">
            {e.processedBy.map((p) => (
              <li key={p.consumer} title={time(p.processedAt)}>{p.consumer} · {after(e.occurredAt, p.processedAt)} later</li>
            ))}
          </ul>
        )}
      </article>
      {node.children.length > 0 && (
        <ol>
          {node.children.map((c) => <Node key={c.event.eventId} node={c} parentType={e.type} subjectId={subjectId} />)}
        </ol>
      )}
    </li>
  );
}

/** The event chain of one subject as an indented tree of what caused (or followed) what. */
export function TimelineView({ timeline, noun }: { timeline: Timeline; noun: string }) {
  if (timeline.events === 0) {
    return (
      <EmptyState title={`No events recorded for this ${noun} yet`}>
        Events appear here a second or two after they happen. A {noun} made before event logging started has none.
      </EmptyState>
    );
  }
  return (
    <>
      {timeline.truncated && <p className="notice warn">Showing the first {timeline.events} events of a longer chain.</p>}
      <ol className={styles.tree} data-testid="timeline">
        {timeline.tree.map((n) => <Node key={n.event.eventId} node={n} subjectId={timeline.subjectId} />)}
      </ol>
    </>
  );
}

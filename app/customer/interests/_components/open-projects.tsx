'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/badge';
import { EmptyState } from '@/components/ui/empty-state';
import type { CustomerInterestsView, ProjectCard } from '@/lib/sales/interests/queries';
import { dot, interestsQuery } from '../../notifications/_components/queries';
import { InterestToggle } from './interest-toggle';
import styles from './interests.module.css';

/** The dates that matter at the project's stage: expected start while planned, the actual period after. */
export function ProjectDates({ p }: { p: ProjectCard }) {
  const rows: [string, string | null][] =
    p.status === 'planned'
      ? [['Expected start', dot(p.expStartDate) ?? 'to be announced'], ['Ends', dot(p.endDate)]]
      : [['Started', dot(p.startDate)], [p.status === 'ended' ? 'Ended' : 'Ends', dot(p.endDate) ?? 'not set']];
  return (
    <dl className={styles.dates}>
      {rows.filter(([, v]) => v).map(([k, v]) => (
        <div key={k} className={styles.pair}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every project not ended yet, each with its Follow / Unfollow toggle. */
export function OpenProjects({ initial }: { initial: CustomerInterestsView }) {
  const { data, error } = useQuery({ ...interestsQuery(), initialData: initial });
  return (
    <div className={styles.stack}>
      {error && <p className="notice bad" role="alert">Live updates paused: {error.message}</p>}
      {data.openProjects.length === 0 ? (
        <EmptyState title="No open programmes right now">New support programmes appear here as soon as staff publish them.</EmptyState>
      ) : (
        <ul className={styles.cards} data-testid="open-projects">
          {data.openProjects.map((p) => (
            <li key={p.projectId} className={`${styles.card} ${p.interested ? styles.following : ''}`} data-project-id={p.projectId}>
              <div>
                <div className={styles.name}>{p.name} ({p.year})</div>
                <div className={styles.host}>{p.host}</div>
              </div>
              <ProjectDates p={p} />
              <div className={styles.foot}>
                <span className="actions">
                  <Badge value={p.status} />
                  {p.interested && <span className={`badge ${styles.followTag}`}>Following</span>}
                </span>
                <InterestToggle projectId={p.projectId} label={`${p.name} (${p.year})`} interested={p.interested} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

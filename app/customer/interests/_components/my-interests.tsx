'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/badge';
import { EmptyState } from '@/components/ui/empty-state';
import type { CustomerInterestsView } from '@/lib/sales/interests/queries';
import { interestsQuery } from '../../notifications/_components/queries';
import styles from './interests.module.css';
import { ProjectDates } from './open-projects';

/** The projects the customer follows and how far each has got, live from the read model. */
export function MyInterests({ initial }: { initial: CustomerInterestsView }) {
  const { data } = useQuery({ ...interestsQuery(), initialData: initial });
  const rows = data.myInterests;
  if (rows.length === 0) {
    return <EmptyState title="You follow no project yet">Choose Follow on a programme below; we will notify you when it starts.</EmptyState>;
  }
  return (
    <ul className="feed" data-testid="my-interests">
      {rows.map((p) => (
        <li key={p.projectId} data-project-id={p.projectId} className={styles.progress}>
          <div>
            <div className={styles.name}>{p.name}{p.detailsPending ? '' : ` (${p.year})`}</div>
            {!p.detailsPending && <div className={styles.host}>{p.host}</div>}
          </div>
          {p.detailsPending ? (
            <p className="muted">Details on the way…</p>
          ) : (
            <>
              <Badge value={p.status} />
              <ProjectDates p={p} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

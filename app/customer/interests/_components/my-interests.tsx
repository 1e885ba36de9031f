'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/badge';
import { EmptyState } from '@/components/ui/empty-state';
import type { CustomerInterestsView } from '@/lib/interests/queries';
import { dot, interestsQuery } from '../../notifications/_components/queries';

/** The projects the customer follows and how far each has got, live from the read model. */
export function MyInterests({ initial }: { initial: CustomerInterestsView }) {
  const { data } = useQuery({ ...interestsQuery(), initialData: initial });
  const rows = data.myInterests;
  if (rows.length === 0) {
    return <EmptyState title="You follow no project yet">Choose Follow on a programme above; we will notify you when it starts.</EmptyState>;
  }
  return (
    <div className="table-wrap">
      <table data-testid="my-interests">
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Status</th>
            <th scope="col">Expected start</th>
            <th scope="col">Start</th>
            <th scope="col">End</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.projectId} data-project-id={p.projectId}>
              <th scope="row" style={{ color: 'inherit', whiteSpace: 'normal' }}>
                {p.name}
                {!p.detailsPending && <div className="muted">{p.year} · {p.host}</div>}
              </th>
              {p.detailsPending ? (
                <td colSpan={4} className="muted">Details on the way…</td>
              ) : (
                <>
                  <td><Badge value={p.status} /></td>
                  <td>{dot(p.expStartDate) ?? '–'}</td>
                  <td>{dot(p.startDate) ?? '–'}</td>
                  <td>{dot(p.endDate) ?? '–'}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

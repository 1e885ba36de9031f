'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { StatsChart } from '@/components/charts/stats-chart';
import { statsQuery } from '@/components/live-queries';
import { EmptyState } from '@/components/ui/empty-state';
import { formatConversion } from '@/lib/sales/stats/delta';
import type { StatsSnapshot } from '@/lib/sales/stats/queries';

/** The statistics table and chart, refreshed every second from /api/stats. */
export function StatsLive({ initial }: { initial: StatsSnapshot }) {
  const [projectId, setProjectId] = useState<string | null>(initial.projectId);
  const { data, error, isPending } = useQuery({
    ...statsQuery(projectId),
    initialData: projectId === initial.projectId ? initial : undefined,
    // Keep the old chart on screen while another project's first answer is on its way.
    placeholderData: (previous) => previous,
  });

  const choose = (id: string | null) => {
    setProjectId(id);
    // Keep the choice in the address, so a reload or a shared link shows the same chart.
    window.history.replaceState(null, '', id ? `?project=${id}` : window.location.pathname);
  };
  const projects = data?.projects ?? [];
  const chosen = projects.find((p) => p.projectId === projectId);

  return (
    <>
      {error && <p className="notice bad" role="alert">Live updates paused: {error.message}. Retrying every second.</p>}
      <section className="panel" aria-labelledby="chart-h">
        <h2 id="chart-h">Interests and consultations over time</h2>
        <div style={{ display: 'grid', gap: '.3rem', maxWidth: '28rem', marginBottom: '.75rem' }}>
          <label htmlFor="stats-project">Project</label>
          <select id="stats-project" value={projectId ?? ''} onChange={(e) => choose(e.target.value || null)}>
            <option value="">All projects</option>
            {projects.map((p) => (
              <option key={p.projectId} value={p.projectId}>{p.projectName}</option>
            ))}
          </select>
        </div>
        {isPending || !data ? (
          <p className="muted" role="status">Loading the chart…</p>
        ) : (
          <StatsChart points={data.series} label={`Running totals per minute for ${chosen?.projectName ?? 'all projects'}, last hour`} />
        )}
      </section>

      <section className="panel" aria-labelledby="projects-stats-h">
        <h2 id="projects-stats-h">Per project</h2>
        {projects.length === 0 ? (
          <EmptyState title="No statistics yet">
            A project appears here with its first interest, consultation or change, within a second or two.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table data-testid="project-stats" aria-live="polite">
              <thead>
                <tr>
                  <th>Project</th><th>Interested</th><th>Requested</th><th>Accepted</th><th>In progress</th>
                  <th>Success</th><th>Fail</th><th>Canceled</th><th title="success ÷ ever accepted">Conversion</th><th>Timeline</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr key={p.projectId} data-project-id={p.projectId}>
                    <td><strong>{p.projectName}</strong><div className="muted">{p.open} open</div></td>
                    <td data-col="interested">{p.interested}</td>
                    <td data-col="requested">{p.requested}</td>
                    <td data-col="accepted">{p.accepted}</td>
                    <td data-col="inProgress">{p.inProgress}</td>
                    <td data-col="success">{p.success}</td>
                    <td data-col="fail">{p.fail}</td>
                    <td data-col="canceled">{p.canceled}</td>
                    <td data-col="conversion" title={`${p.success} success of ${p.everAccepted} ever accepted`}>{formatConversion(p.conversion)}</td>
                    <td><Link href={`/staff/timeline/project/${p.projectId}`} aria-label={`Events of ${p.projectName}`}>Events</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

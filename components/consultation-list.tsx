'use client';

import { useQuery } from '@tanstack/react-query';
import type { ConsultationRow } from '@/lib/consultations/queries';
import { Badge } from './badge';
import { consultationsQuery } from './live-queries';
import { StepButtons } from './step-buttons';

const time = (iso: string) => new Date(iso).toLocaleString('ko-KR', { dateStyle: 'short', timeStyle: 'short' });

/** Live list of the viewer's consultations; salesmen also get the step buttons. */
export function ConsultationList({ initial, mode }: { initial: ConsultationRow[]; mode: 'customer' | 'salesman' }) {
  const { data, error } = useQuery({ ...consultationsQuery(), initialData: { consultations: initial } });
  const rows = data.consultations;
  return (
    <>
      {error && <p className="notice bad" role="alert">Live updates paused: {error.message}</p>}
      {rows.length === 0 ? (
        <p className="empty">{mode === 'customer' ? 'No consultations yet. Request one with the form.' : 'No consultations matched to you yet.'}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="consultations">
            <thead>
              <tr>
                <th>Project</th>
                <th>{mode === 'customer' ? 'Salesman' : 'Customer'}</th>
                <th>Requested</th>
                <th>Step</th>
                {mode === 'salesman' && <th>Action</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-consultation-id={c.id}>
                  <td>{c.projectName}</td>
                  <td>
                    {mode === 'customer' ? c.salesmanName : `${c.contactName} · ${c.company} (${c.region}) ${c.phone}`}
                    {mode === 'salesman' && <div className="muted">{c.message}</div>}
                  </td>
                  <td>{time(c.createdAt)}</td>
                  <td><Badge value={c.step} /></td>
                  {mode === 'salesman' && (
                    <td><StepButtons consultationId={c.id} step={c.step} label={`${c.contactName}, ${c.projectName}`} /></td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

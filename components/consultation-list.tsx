'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { canEdit } from '@/lib/sales/consultations/edit-rules';
import type { ConsultationRow } from '@/lib/sales/consultations/queries';
import { Badge } from './badge';
import { DoorOpenerDetails } from './door-opener';
import { consultationsQuery } from './live-queries';
import { StepButtons } from './step-buttons';
import { EmptyState } from './ui/empty-state';

const time = (iso: string) => new Date(iso).toLocaleString('ko-KR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Seoul' });

/** Live list of the viewer's consultations; salesmen also get the step buttons. */
export function ConsultationList({ initial, mode }: { initial: ConsultationRow[]; mode: 'customer' | 'salesman' }) {
  const { data, error } = useQuery({ ...consultationsQuery(), initialData: { consultations: initial } });
  const rows = data.consultations;
  return (
    <>
      {error && <p className="notice bad" role="alert">Live updates paused: {error.message}</p>}
      {rows.length === 0 ? (
        mode === 'customer' ? (
          <EmptyState title="No consultations yet">Request one with the form; a salesman who covers your region is assigned at once.</EmptyState>
        ) : (
          <EmptyState title="No consultations matched to you yet">New requests from your regions appear here within a second or two.</EmptyState>
        )
      ) : (
        <div className="table-wrap">
          <table data-testid="consultations" className="stack-narrow">
            <thead>
              <tr>
                <th>Project</th>
                <th>{mode === 'customer' ? 'Salesman' : 'Customer'}</th>
                <th>Requested</th>
                <th>Step</th>
                <th><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-consultation-id={c.id}>
                  <td data-label="Project">
                    {c.projectName}
                    {mode === 'customer' && <div className="muted clamp">{c.message}</div>}
                  </td>
                  <td data-label={mode === 'customer' ? 'Salesman' : 'Customer'}>
                    {mode === 'customer' ? (
                      c.salesmanName
                    ) : (
                      <>
                        <strong>{c.contactName}</strong> · {c.company} ({c.region})
                        <div className="muted nowrap">{c.phone}</div>
                        <div className="muted clamp">{c.message}</div>
                        <DoorOpenerDetails consultationId={c.id} label={`${c.contactName}, ${c.projectName}`} />
                      </>
                    )}
                  </td>
                  <td data-label="Requested">{time(c.createdAt)}</td>
                  <td data-label="Step"><Badge value={c.step} /></td>
                  <td className="row-actions">
                    {mode === 'salesman' ? (
                      <StepButtons consultationId={c.id} step={c.step} label={`${c.contactName}, ${c.projectName}`} />
                    ) : (
                      <Link className="button secondary small" href={`/customer/consultations/${c.id}`} aria-label={`${canEdit(c.step) ? 'Edit' : 'View'}: ${c.projectName}, ${time(c.createdAt)}`}>
                        {canEdit(c.step) ? 'Edit' : 'View'}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

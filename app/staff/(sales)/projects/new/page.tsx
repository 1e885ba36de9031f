import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { todayInKorea } from '@/lib/sales/projects/dates';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { ProjectForm } from '../project-form';

export const dynamic = 'force-dynamic';

export default async function NewProjectPage() {
  await pageViewer('staff');
  return (
    <>
      <PageHeader
        title="New project"
        description="A new project starts as planned. Salesmen are alarmed at once."
        actions={<Link className="button secondary small" href="/staff/projects">Back to projects</Link>}
      />
      <section className="panel" aria-label="Project details">
        <ProjectForm defaultYear={Number(todayInKorea().slice(0, 4))} />
      </section>
    </>
  );
}

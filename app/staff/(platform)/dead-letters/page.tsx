import { PageHeader } from '@/components/ui/page-header';
import { getDeadLetterOverview } from '@/lib/platform/dead-letters/queries';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { DeadLettersLive } from './dead-letters-live';

export const dynamic = 'force-dynamic';

export default async function DeadLettersPage() {
  await pageViewer('staff');
  const initial = await getDeadLetterOverview();
  return (
    <>
      <PageHeader
        title="Dead letters"
        description="Messages a worker could not use (not JSON, unknown type or version, invalid payload, refused by its handler). They stay on the dead-letter topic unchanged; the workers carried on."
      />
      <DeadLettersLive initial={initial} />
    </>
  );
}

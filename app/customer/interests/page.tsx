import { PageHeader } from '@/components/ui/page-header';
import { customerInterestsView } from '@/lib/sales/interests/queries';
import { listNotifications } from '@/lib/sales/notifications/queries';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { InboxList } from '../notifications/_components/inbox-list';
import styles from '../notifications/_components/inbox.module.css';
import { UnreadBadge } from '../notifications/_components/unread-badge';
import { MyInterests } from './_components/my-interests';
import { OpenProjects } from './_components/open-projects';

export const dynamic = 'force-dynamic';

/**
 * Projects & interests. Everything here is read from read models the
 * projection worker keeps (ProjectView, CustomerProjectView) and the
 * customer's own inbox: no Project or Interest table is queried (CQRS).
 */
export default async function InterestsPage() {
  const viewer = await pageViewer('customer');
  const [view, inbox] = await Promise.all([customerInterestsView(viewer.customerId), listNotifications(viewer.customerId)]);
  return (
    <>
      <PageHeader
        title="Projects & interests"
        description="Follow the support programmes that matter to you: a salesman for your region is assigned, and you are notified the moment one starts."
      />
      <div className="grid-2">
        <section className="panel" aria-labelledby="mine-h">
          <h2 id="mine-h">My interests</h2>
          <MyInterests initial={view} />
        </section>
        <section className="panel" aria-labelledby="news-h">
          <div className={styles.head}>
            <h2 id="news-h">Notifications</h2>
            <UnreadBadge initial={inbox} />
          </div>
          <InboxList initial={inbox} compact />
        </section>
      </div>
      <section className="panel" aria-labelledby="open-h">
        <h2 id="open-h">Open programmes</h2>
        <OpenProjects initial={view} />
      </section>
    </>
  );
}

import { PageHeader } from '@/components/ui/page-header';
import { listNotifications } from '@/lib/sales/notifications/queries';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import styles from './_components/inbox.module.css';
import { InboxList } from './_components/inbox-list';
import { UnreadBadge } from './_components/unread-badge';

export const dynamic = 'force-dynamic';

/** The customer's in-app inbox: one notification per started project they follow. */
export default async function NotificationsPage() {
  const viewer = await pageViewer('customer');
  const inbox = await listNotifications(viewer.customerId);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="When a support programme you follow starts, you hear it here first."
      />
      <section className="panel" aria-labelledby="inbox-h">
        <div className={styles.head}>
          <h2 id="inbox-h">Inbox</h2>
          <UnreadBadge initial={inbox} />
        </div>
        <InboxList initial={inbox} />
      </section>
    </>
  );
}

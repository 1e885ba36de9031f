import { redirect } from 'next/navigation';
import { currentViewer } from '@/lib/platform/session/current-viewer';
import { ROLE_HOME } from '@/lib/platform/session/roles';

export const dynamic = 'force-dynamic';

/** No page of its own: signed in, your role's desk; otherwise the sign-in page. */
export default async function Home() {
  const viewer = await currentViewer();
  redirect(viewer ? ROLE_HOME[viewer.role] : '/login');
}

'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { resolveViewer, VIEWER_COOKIE } from '@/lib/session/current-viewer';

const HOME = { staff: '/staff', customer: '/customer', salesman: '/salesman' } as const;

/** Role switcher: remembers the chosen person in an HTTP-only cookie and opens their page. */
export async function switchViewer(formData: FormData): Promise<void> {
  const value = String(formData.get('viewer') ?? '');
  const viewer = await resolveViewer(value);
  if (!viewer) redirect('/?error=unknown-person');
  const jar = await cookies();
  jar.set(VIEWER_COOKIE, value, { httpOnly: true, sameSite: 'lax', path: '/' });
  redirect(HOME[viewer.role]);
}

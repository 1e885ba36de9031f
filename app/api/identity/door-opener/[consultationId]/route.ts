import { doorOpener } from '@/lib/identity/desk/door-opener';
import { identityPool } from '@/lib/identity/desk/pool';
import { getConsultation } from '@/lib/sales/consultations/get-consultation';
import { jsonResponse } from '@/lib/platform/http';
import { currentViewer } from '@/lib/platform/session/current-viewer';
import { assertSignedIn } from '@/lib/platform/session/roles';
import { AppError } from '@/lib/platform/errors';

export const dynamic = 'force-dynamic';

/**
 * The customer behind a consultation, unified (grade, recent orders, interests, other consultations, contact points,
 * sources): for its matched salesman and staff; 404 for anyone else. { profile: null } while the linker has not seen
 * the consultation yet.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ consultationId: string }> }) {
  return jsonResponse(async () => {
    const viewer = assertSignedIn(await currentViewer());
    if (viewer.role === 'customer') throw new AppError('FORBIDDEN', 'Only the consultation’s salesman and staff see the customer’s profile.');
    const consultation = await getConsultation({ viewer, consultationId: (await params).consultationId });
    return { profile: await doorOpener(identityPool(), consultation.id) };
  });
}

import { cxContactInput, deleteCxContact, getCxContact, updateCxContact } from '@/lib/identity/sources/cx-contacts';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { parseOrThrow } from '@/lib/platform/validation';
import { asForm } from '../../body';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ contactId: string }> };

/** One support contact; 404 when there is none (staff). */
export async function GET(_request: Request, { params }: Params) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    return { contact: await getCxContact((await params).contactId) };
  });
}

/** The contact's fields again, changed: { fullName, phones, email?, address?, rrnFront? } (staff). */
export async function PUT(request: Request, { params }: Params) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const body = await readJson(request);
    const raw = asForm(body);
    return { contact: await updateCxContact((await params).contactId, parseOrThrow(cxContactInput, raw)) };
  });
}

/** Deletes the contact (CDC tells the linker; its record leaves its profile) (staff). */
export async function DELETE(_request: Request, { params }: Params) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    await deleteCxContact((await params).contactId);
    return { deleted: (await params).contactId };
  });
}

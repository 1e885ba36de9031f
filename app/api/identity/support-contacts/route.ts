import { z } from 'zod';
import { createCxContact, cxContactInput, listCxContacts } from '@/lib/identity/sources/cx-contacts';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { parseOrThrow } from '@/lib/platform/validation';
import { asForm } from '../body';
import { parseQuery } from '@/lib/settlement/desk/query-params';

export const dynamic = 'force-dynamic';

const listQuery = z.object({ q: z.string().max(100, 'At most 100 characters.').optional() });

/** [?q=]: the support desk's contacts, newest change first, filtered by name, phone or email (staff). */
export async function GET(request: Request) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const { q } = parseQuery(listQuery, request.url, ['q']);
    return { contacts: await listCxContacts({ q }) };
  });
}

/** { fullName, phones: "010 1234 5678, ...", email?, address?, rrnFront? }: a new contact, 201 (staff). */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const body = await readJson(request);
    const raw = asForm(body);
    return { contact: await createCxContact(parseOrThrow(cxContactInput, raw)) };
  }, 201);
}

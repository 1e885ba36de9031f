/** A JSON body as the CX contact form posts it: optional fields may be left out, phones may be an array. */
export function asForm(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const b = body as Record<string, unknown>;
  return { email: '', address: '', rrnFront: '', ...b, ...(Array.isArray(b.phones) ? { phones: b.phones.join(', ') } : {}) };
}

import { AppError, isAppError } from './errors';

/** Route-handler wrapper: domain errors become 4xx/5xx JSON with the reason; anything else is a logged 500. */
export async function jsonResponse(work: () => Promise<unknown>, okStatus = 200): Promise<Response> {
  try {
    return Response.json(await work(), { status: okStatus });
  } catch (e) {
    if (isAppError(e)) {
      return Response.json({ error: e.code, message: e.message, fieldErrors: e.fieldErrors }, { status: e.status });
    }
    console.error('[api] unexpected error', e);
    return Response.json({ error: 'INTERNAL', message: 'Something went wrong on our side; nothing was saved.' }, { status: 500 });
  }
}

/** Reads a JSON body, refusing a malformed one with a clear 400 instead of a crash. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError('INVALID', 'The request body must be JSON.');
  }
}

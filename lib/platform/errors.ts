/** The few ways a domain call can refuse; each maps to one HTTP status. */
export type AppErrorCode = 'INVALID' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'TOO_MANY_ATTEMPTS' | 'UNAVAILABLE';

const STATUS: Record<AppErrorCode, number> = {
  INVALID: 400,
  /** Nobody is signed in (or the session ended); FORBIDDEN is for a signed-in caller without the right. */
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_ATTEMPTS: 429,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Per-field messages for forms, keyed by input field name. */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

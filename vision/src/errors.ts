import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every coded error the service answers with, and its HTTP status. */
export const ERROR_STATUS = {
  EMPTY_BODY: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_IMAGE: 415,
  INTERNAL_ERROR: 500,
  BUSY: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type the service throws; `onError` turns it into `{ error: { code, message } }`. */
export class VisionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** BUSY: when to come back, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}

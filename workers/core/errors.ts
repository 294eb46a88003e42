import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every coded error the API can answer with, and its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  MALFORMED_JSON: 400,
  EMPTY_FILE: 400,
  BATCH_TOO_LARGE: 400,
  INVALID_PARTS: 400,
  UPLOAD_INTERRUPTED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 401,
  INVALID_API_KEY: 401,
  INVALID_CODE: 401,
  WEBHOOK_SIGNATURE_INVALID: 400,
  INSUFFICIENT_CREDITS: 402,
  FORBIDDEN: 403,
  TWO_FACTOR_REQUIRED: 403,
  DOWNLOAD_LINK_INVALID: 403,
  DOWNLOAD_LINK_EXPIRED: 403,
  INSUFFICIENT_SCOPE: 403,
  EMAIL_NOT_VERIFIED: 403,
  INVITATION_FOR_ANOTHER_EMAIL: 403,
  UPLOAD_SIGNATURE_INVALID: 403,
  UPLOAD_EXPIRED: 403,
  UPLOAD_CONTENT_TYPE_MISMATCH: 403,
  NOT_FOUND: 404,
  ALBUM_NOT_FOUND: 404,
  PHOTO_NOT_FOUND: 404,
  API_KEY_NOT_FOUND: 404,
  PACK_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  BACKDROP_NOT_FOUND: 404,
  TRANSFORMATION_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  INVITATION_NOT_FOUND: 404,
  DEV_ONLY: 404,
  EMAIL_TAKEN: 409,
  SLUG_TAKEN: 409,
  UPLOAD_NOT_PENDING: 409,
  UPLOAD_INCOMPLETE: 409,
  PHOTO_NOT_READY: 409,
  SELLER_NOT_PAYABLE: 409,
  NOTHING_TO_SELL: 409,
  CART_OVERLAP: 409,
  ORDER_NOT_PAID: 409,
  WRONG_WORKSPACE_KIND: 409,
  VEHICLE_SOLD: 409,
  TRANSFORMATION_NOT_DONE: 409,
  UNDO_BLOCKED: 409,
  ALREADY_MEMBER: 409,
  LAST_OWNER: 409,
  EXPORT_IN_PROGRESS: 409,
  OWNERSHIP_TRANSFER_NEEDED: 409,
  LAST_WORKSPACE: 409,
  TWO_FACTOR_ALREADY_ON: 409,
  TWO_FACTOR_OFF: 409,
  FILE_TOO_LARGE: 413,
  UPLOAD_SIZE_MISMATCH: 422,
  ESTIMATE_NEEDS_DETAILS: 422,
  LISTING_NEEDS_DETAILS: 422,
  UNSUPPORTED_TYPE: 415,
  RATE_LIMITED: 429,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  PAYMENTS_UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type code throws; `onError` turns it into `{ error: { code, message, requestId } }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Seconds after which trying again may work (a busy dependency said so): sent as Retry-After. */
  retryAfterSeconds?: number;

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }

  /** The same error, answered with `Retry-After: seconds`. */
  retryAfter(seconds: number): this {
    this.retryAfterSeconds = seconds;
    return this;
  }
}

export function errorBody(code: ErrorCode, message: string, requestId: string, details?: unknown) {
  return { error: { code, message, requestId, ...(details === undefined ? {} : { details }) } };
}

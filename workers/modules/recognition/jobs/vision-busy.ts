import { RetryLaterError } from '../../../core/jobs/job';
import { VisionBusyError } from '../../../integrations/vision/types';

/**
 * What a job throws for a vision failure: a busy service said when to come back, so the message
 * is retried then (core/jobs/job.ts) instead of on the usual backoff; anything else as it was.
 */
export const retryWhenBusy = (err: unknown): unknown =>
  err instanceof VisionBusyError ? new RetryLaterError(err.message, err.retryAfterSeconds) : err;

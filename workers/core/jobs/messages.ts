/**
 * The message types by their older names, for code that still imports them from here. Each job's
 * message is declared next to its handler (modules/<domain>/jobs), and `JobMessage` in
 * workers/jobs.ts is the union of all of them.
 */
export type { PhotoRerender, PhotoUploaded } from '../../modules/media/jobs/index';
export type { CreditsGranted, PhotoCutout, PhotoRecognise } from '../../modules/recognition/jobs/index';
import type { MediaMessage } from '../../modules/media/jobs/index';
import type { RecognitionMessage } from '../../modules/recognition/jobs/index';
import type { EmailSend } from '../../modules/notifications/jobs';

/** Image work done in the Worker: the `vitrine-photo-jobs` queue (PHOTO_QUEUE). */
export type ImageMessage = MediaMessage;
/** Work that waits on the vision service: the `vitrine-reading-jobs` queue (READING_QUEUE). */
export type ReadingMessage = RecognitionMessage;

export type PipelineMessage = ImageMessage | ReadingMessage;

/** Send one row of the email outbox. */
export type EmailMessage = EmailSend;

/** Queue messages carry ids, never bytes: a job re-reads its row and is safe to run twice. */
export type PhotoUploaded = { type: 'photo.uploaded'; photoId: string; workspaceId: string };
/** After the variants: read bibs (events) or the plate (vehicles) on the web variant. */
export type PhotoRecognise = { type: 'photo.recognise'; photoId: string; workspaceId: string };

/** The album's watermark changed: draw the variants again from the original. */
export type PhotoRerender = { type: 'photo.rerender'; photoId: string; workspaceId: string };

/** Credits were granted: photos waiting for credits get theirs and are read. */
export type CreditsGranted = { type: 'credits.granted'; workspaceId: string };

/** Image work done in the Worker: the `vitrine-photo-jobs` queue (PHOTO_QUEUE). */
export type ImageMessage = PhotoUploaded | PhotoRerender;
/** Work that waits on the vision service: the `vitrine-reading-jobs` queue (READING_QUEUE). */
export type ReadingMessage = PhotoRecognise | CreditsGranted;

export type PipelineMessage = ImageMessage | ReadingMessage;

/** Send one row of the email outbox (workers/email). */
export type EmailMessage = { type: 'email.send'; emailId: string };

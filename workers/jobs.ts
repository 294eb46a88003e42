/**
 * Every job of the Worker, by message type: the one registration of each module's job map (add a
 * module's jobs here, one line). The queue consumer, the dead-letter consumer, `enqueue` and the
 * cron are built from it; core/jobs/job.ts has the rule for errors.
 */
import { jobConsumer } from './core/jobs/consumer';
import { enqueuer } from './core/jobs/enqueue';
import { defineJobs } from './core/jobs/job';
import { cronSweeps } from './core/jobs/sweep';
import { mediaJobs, mediaSweeps, type MediaMessage } from './modules/media/jobs/index';
import { notificationJobs, notificationSweeps, type NotificationMessage } from './modules/notifications/jobs';
import { recognitionJobs, recognitionSweeps, type RecognitionMessage } from './modules/recognition/jobs/index';
import { studioJobs, studioSweeps, type StudioMessage } from './modules/vehicles/studio/jobs';
import { realestateJobs, realestateSweeps, type RealestateMessage } from './modules/realestate/transform-jobs';
import { privacyJobs, privacySweeps, type PrivacyMessage } from './modules/privacy/jobs';

/** Every message a queue of this Worker carries. */
export type JobMessage = MediaMessage | RecognitionMessage | NotificationMessage | StudioMessage | RealestateMessage | PrivacyMessage;

// Built on first use, not at import: the handlers' modules import `enqueue` from here, so at
// import time some of the maps may not exist yet.
const registry = () => defineJobs<JobMessage>()({ ...mediaJobs, ...recognitionJobs, ...notificationJobs, ...studioJobs, ...realestateJobs, ...privacyJobs });
let built: ReturnType<typeof registry> | undefined;
export const jobs = () => (built ??= registry());

/** `enqueue(env, message)`: through the producer binding the message's job declares. */
export const { enqueue, enqueueAll } = enqueuer<JobMessage>(jobs);

/** The `queue` handler of every queue, dead-letter queues included. */
export const queue = jobConsumer(jobs);

/** The cron: each module's sweep for work whose message was lost. */
export const scheduled = cronSweeps(() => ({ ...mediaSweeps, ...recognitionSweeps, ...notificationSweeps, ...studioSweeps, ...realestateSweeps, ...privacySweeps }));

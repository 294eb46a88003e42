import { app } from './core/http/app';
import { queue, scheduled, type JobMessage } from './jobs';

/** HTTP from the app; queues and cron from the job maps (workers/jobs.ts). */
export default { fetch: app.fetch, queue, scheduled } satisfies ExportedHandler<Env, JobMessage>;

import type { PipelineMessage } from './shared/messages';
import { app } from './api/app';
import { queue } from './pipeline';

export default { fetch: app.fetch, queue } satisfies ExportedHandler<Env, PipelineMessage>;

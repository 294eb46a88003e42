/** `npm start`: the vision service, configured from the environment (see README.md). */
import { readConfig, type VisionConfig } from './config';
import { startVisionServer } from './server';

let config: VisionConfig;
try {
  config = readConfig(process.env);
} catch (err) {
  console.error(`vision: ${(err as Error).message}`);
  process.exit(1);
}

const started = performance.now();
const server = await startVisionServer({ ...config, allowNoSecret: config.secret === undefined });
console.log(`vision: listening on ${server.url}${config.secret ? '' : ' WITHOUT authentication'}, loading models…`);
server.ready.then(
  () => console.log(`vision: models loaded in ${((performance.now() - started) / 1000).toFixed(1)}s`),
  (err: Error) => {
    console.error(`vision: could not load the models: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().finally(() => process.exit(0));
  });
}

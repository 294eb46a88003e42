/**
 * The cron's half of the job runtime: each module may register a sweep that finds work whose
 * message was lost (dropped between a write and its send, a consumer that died, a queue that gave
 * up) and sends it again. Jobs are idempotent, so a duplicate costs one row read.
 */
import { loadConfig } from '../config';

/** Finds lost work and queues it again; what it returns is only logged. */
export type Sweep = (env: Env) => Promise<unknown>;

/** Runs every sweep; one failing does not stop the others, and the cron run still reports it. */
export function cronSweeps(sweeps: () => Record<string, Sweep>) {
  return async function scheduled(_controller: ScheduledController, env: Env): Promise<void> {
    loadConfig(env); // a misconfigured deployment fails the cron run loudly
    const failed: string[] = [];
    for (const [name, sweep] of Object.entries(sweeps())) {
      await sweep(env).catch((err) => failed.push(`${name}: ${String(err)}`));
    }
    if (failed.length) throw new Error(`cron sweeps failed: ${failed.join('; ')}`);
  };
}

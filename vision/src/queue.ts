import { VisionError } from './errors';

/** What a kind of task is assumed to take before one has run (a cutout takes ~2.5 s, a reading ~0.5 s). */
const FIRST_GUESS_MS = 2_000;

/**
 * Runs tasks one at a time, in arrival order: one inference already uses both cores, so two at
 * once would only make both slower. A task that would wait longer than `maxWaitMs` (estimated from
 * how long each kind of task took lately), or arrives past `maxWaiting` queued tasks, is refused
 * at once (BUSY, with when to come back): a caller that gives up after 30 s should hear "busy"
 * now, not time out behind a burst of cutouts.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly pendingKinds: string[] = [];
  private readonly averageMs = new Map<string, number>();

  constructor(
    private readonly maxWaiting: number,
    private readonly maxWaitMs = Number.POSITIVE_INFINITY,
  ) {}

  /** Tasks waiting or running. */
  get size() {
    return this.pendingKinds.length;
  }

  /** How long a task arriving now would wait before it starts (the running one counted whole). */
  get estimatedWaitMs() {
    return Math.round(this.pendingKinds.reduce((sum, kind) => sum + (this.averageMs.get(kind) ?? FIRST_GUESS_MS), 0));
  }

  run<T>(task: () => Promise<T>, kind = 'task'): Promise<T> {
    const wait = this.estimatedWaitMs;
    if (this.size > this.maxWaiting || (this.size > 0 && wait > this.maxWaitMs)) {
      const retryAfter = Math.max(1, Math.ceil(wait / 1000));
      return Promise.reject(new VisionError('BUSY', `${this.size} image(s) ahead (about ${retryAfter} s); retry later`, retryAfter));
    }
    this.pendingKinds.push(kind);
    const result = this.tail.then(() => this.timed(task, kind));
    const done = () => void this.pendingKinds.splice(this.pendingKinds.indexOf(kind), 1);
    this.tail = result.then(done, done);
    return result;
  }

  /** Runs the task, folding its duration into its kind's moving average (recent runs weigh most). */
  private async timed<T>(task: () => Promise<T>, kind: string): Promise<T> {
    const started = performance.now();
    try {
      return await task();
    } finally {
      const ms = performance.now() - started;
      const previous = this.averageMs.get(kind);
      this.averageMs.set(kind, previous === undefined ? ms : previous * 0.7 + ms * 0.3);
    }
  }
}

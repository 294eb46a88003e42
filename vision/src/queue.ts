import { VisionError } from './errors';

/**
 * Runs tasks one at a time, in arrival order: one inference already uses both cores, so two at
 * once would only make both slower. Refuses work (BUSY) past `maxWaiting` queued tasks, so a burst
 * is answered quickly rather than left to time out.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(private readonly maxWaiting: number) {}

  /** Tasks waiting or running. */
  get size() {
    return this.pending;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.pending > this.maxWaiting) {
      return Promise.reject(new VisionError('BUSY', 'Too many images are waiting; retry shortly'));
    }
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }
}

/** Reads until `done` holds or `timeoutMs` passes, and returns the last value read (the caller asserts on it). */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits, if need be, for the next rate-limit window: the limiters count per fixed 60 s window
 * (the minute on the clock), so a test that spends a budget in a row must not straddle a boundary,
 * where the count starts again. `needMs` is how long the spending takes at worst.
 */
export async function freshLimiterWindow(needMs = 15_000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 50));
}

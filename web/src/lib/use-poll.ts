import { useEffect } from 'react';

/** Calls `look` every `ms` while `active` (a screen following work under way), and not once it is not. */
export function usePoll(active: boolean, look: () => void, ms = 2000) {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(look, ms);
    return () => clearInterval(timer);
  }, [active, look, ms]);
}

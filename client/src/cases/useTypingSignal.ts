import { useCallback, useEffect, useRef } from 'react';
import type { MessageVisibility } from '../../../shared/vocabulary.js';
import { useRealtime } from '../realtime/hooks.js';

const REPEAT_MS = 3000;
const IDLE_MS = 4000;

/** Tells the others on a case that the user is typing (throttled), and when they stop. */
export function useTypingSignal(caseId: string, visibility: MessageVisibility) {
  const realtime = useRealtime();
  const lastSent = useRef(0);
  const idle = useRef<number | undefined>(undefined);

  const send = useCallback(
    (typing: boolean) => {
      if (!realtime?.socket.connected) return;
      realtime.socket.emit('message:typing', { caseId, visibility, typing }, () => undefined);
    },
    [realtime, caseId, visibility],
  );

  const stop = useCallback(() => {
    window.clearTimeout(idle.current);
    if (lastSent.current !== 0) {
      lastSent.current = 0;
      send(false);
    }
  }, [send]);

  const typed = useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current > REPEAT_MS) {
      lastSent.current = now;
      send(true);
    }
    window.clearTimeout(idle.current);
    idle.current = window.setTimeout(stop, IDLE_MS);
  }, [send, stop]);

  useEffect(() => stop, [stop]);
  return { typed, stop };
}

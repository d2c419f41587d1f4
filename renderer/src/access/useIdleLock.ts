import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { call, callKey, queryClient } from '../api';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/** Main is told someone is at the keyboard at most this often, so typing alone keeps the session. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Locks the session in main, then shows the lock screen (the gate rereads the session). A lock
 * that failed is said out loud: whoever walks away must not believe the notes are covered.
 */
export function lockNow(): void {
  void call('session:lock', {})
    .catch((error: Error) => {
      notifications.show({ color: 'red', title: 'Fettle did not lock', message: error.message, autoClose: false });
    })
    .finally(() => void queryClient.invalidateQueries({ queryKey: callKey('session:status') }));
}

/**
 * Locks the session after `minutes` with no keyboard or pointer activity. Main keeps its own
 * idle clock too (calls after the limit are refused), so a window that stops running cannot keep
 * a session open.
 */
export function useIdleLock(minutes: number, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let lastActivity = Date.now();
    let lastTouch = Date.now();
    const onActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastTouch >= TOUCH_EVERY_MS) {
        lastTouch = lastActivity;
        void call('session:touch', {}).catch(() => undefined);
      }
    };
    for (const event of ACTIVITY) window.addEventListener(event, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity < minutes * 60_000) return;
      window.clearInterval(timer);
      lockNow();
    }, 5_000);
    return () => {
      window.clearInterval(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, onActivity, { capture: true });
    };
  }, [minutes, active]);
}

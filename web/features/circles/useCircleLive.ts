import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CircleCommand } from '../../../shared/circles/machine.ts';
import { showToast } from '../../ui/Toast.tsx';
import { CircleLive, type LiveView, type Outcome } from './live.ts';
import { outcomeMessage } from './outcomes.ts';

export type RunCommand = (command: CircleCommand) => Promise<Outcome>;

/**
 * The room's live connection for as long as the page is open: its view of the circle, and
 * `run`, which sends a command and, when it does not go through, says why in a toast.
 */
export function useCircleLive(circleId: string): {
  live: CircleLive;
  view: LiveView;
  run: RunCommand;
} {
  const { t } = useTranslation();
  const [live] = useState(() => new CircleLive({ circleId }));
  useEffect(() => {
    live.start();
    // Back online, or back to the tab: try at once rather than wait out the backoff.
    const retry = () => live.retryNow();
    const onVisible = () => {
      if (document.visibilityState === 'visible') retry();
    };
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', onVisible);
      live.stop();
    };
  }, [live]);
  const view = useSyncExternalStore(live.subscribe, live.getSnapshot);
  const run = useCallback<RunCommand>(
    async (command) => {
      const outcome = await live.send(command);
      const message = outcomeMessage(t, outcome);
      if (message) showToast({ title: message });
      return outcome;
    },
    [live, t],
  );
  return { live, view, run };
}

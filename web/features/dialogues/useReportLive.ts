import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { liveUrl, reportKey } from './api.ts';
import { isChangeSignal, reconnectDelay } from './live-backoff.ts';

/**
 * Keeps the report current: a socket on /api/dialogues/:id/live says when a vote or a decision
 * changed something, and the report is fetched again. A dropped socket is opened again after a
 * growing wait. Answers when the report last changed this way (null: not yet).
 */
export function useReportLive(dialogueId: string): Date | null {
  const queryClient = useQueryClient();
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    function connect() {
      if (stopped) return;
      socket = new WebSocket(liveUrl(window.location, dialogueId));
      socket.onopen = () => {
        attempt = 0;
      };
      socket.onmessage = (event) => {
        if (!isChangeSignal(event.data)) return;
        void queryClient.invalidateQueries({ queryKey: reportKey(dialogueId) });
        setUpdatedAt(new Date());
      };
      socket.onclose = () => {
        if (stopped) return;
        timer = setTimeout(connect, reconnectDelay(attempt));
        attempt += 1;
      };
    }
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [dialogueId, queryClient]);
  return updatedAt;
}

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type MediaMode, mediaOf, participantOf } from '../../../shared/circles/machine.ts';
import { takeForRoom } from './chosen-before-joining.ts';
import { closeDevices, type DeviceMode, type DeviceProblem, openDevices } from './devices.ts';
import type { CircleLive, LiveView } from './live.ts';
import { MediaEngine, type RemotePeer } from './media-engine.ts';
import type { RunCommand } from './useCircleLive.ts';

export interface CircleMedia {
  /** How the person takes part now, as the circle knows it. */
  mode: MediaMode;
  /** Their own microphone (and camera), while they take part with it. */
  local: MediaStream | null;
  peers: RemotePeer[];
  /** Why their voice went back to text without their asking, e.g. after a reload. */
  lost: DeviceProblem | null;
  /** Turns on voice, or voice and camera, with a stream the person has checked. */
  turnOn(stream: MediaStream, mode: DeviceMode): Promise<void>;
  /** Back to voice alone: the camera goes off at once. */
  dropCamera(): Promise<void>;
  toText(): Promise<void>;
}

/**
 * The room's voice and video for as long as the page is open: the engine follows the circle's
 * state, and the person's microphone is theirs to turn on and off (or already on, when they
 * chose and checked it before joining). Back on the page with voice
 * still chosen (a reload), the microphone is asked for again; if the browser says no, the person
 * goes back to text and is told why.
 */
export function useCircleMedia(
  circleId: string,
  live: CircleLive,
  view: LiveView,
  run: RunCommand,
): CircleMedia {
  const [engine] = useState(() => new MediaEngine({ line: live }));
  const [local, setLocalState] = useState<MediaStream | null>(null);
  const current = useRef<MediaStream | null>(null);
  /** Takes the new stream, ending the tracks of the old one it does not keep. */
  const setLocal = useCallback((next: MediaStream | null) => {
    const kept = new Set(next?.getTracks() ?? []);
    for (const track of current.current?.getTracks() ?? []) if (!kept.has(track)) track.stop();
    current.current = next;
    setLocalState(next);
  }, []);
  const [lost, setLost] = useState<DeviceProblem | null>(null);
  const reopening = useRef(false);
  /** The way of taking part asked for and not yet folded into the state. */
  const awaiting = useRef<MediaMode | null>(null);
  const { state, you, synced, iceServers, mediaMeshLimit } = view;
  const me = you ? participantOf(state, you) : undefined;
  const mode: MediaMode = me ? mediaOf(me) : 'text';
  const closed = state.status === 'closed';

  useEffect(() => {
    engine.start();
    return () => engine.stop();
  }, [engine]);
  useEffect(
    () => engine.update(state, you, iceServers, mediaMeshLimit),
    [engine, state, you, iceServers, mediaMeshLimit],
  );
  useEffect(() => engine.setLocalStream(local), [engine, local]);
  // The tracks end with the page.
  useEffect(() => () => closeDevices(current.current), []);

  useEffect(() => {
    if (!synced || closed || mode === 'text' || local || reopening.current || awaiting.current) {
      return;
    }
    reopening.current = true;
    void openDevices(mode).then(async (result) => {
      reopening.current = false;
      if ('stream' in result) {
        setLocal(result.stream);
        return;
      }
      setLost(result.problem);
      await run({ type: 'choose_media', media: 'text' });
    });
  }, [synced, closed, mode, local, run, setLocal]);

  useEffect(() => {
    if (awaiting.current === mode) awaiting.current = null;
    // Back to text (here or in another tab), or the circle closed: the microphone and camera
    // go off once the circle knows.
    if ((mode === 'text' || closed) && local && awaiting.current === null) setLocal(null);
  }, [mode, closed, local, setLocal]);

  const turnOn = useCallback(
    async (stream: MediaStream, chosen: DeviceMode) => {
      setLost(null);
      awaiting.current = chosen;
      setLocal(stream);
      const outcome = await run({ type: 'choose_media', media: chosen });
      if (outcome.kind === 'accepted') return;
      awaiting.current = null;
      if (mode === 'text') setLocal(null);
    },
    [run, mode, setLocal],
  );
  // Voice chosen and checked before joining goes on once the room knows the person; a closed
  // circle turns the checked microphone off instead.
  const seated = me !== undefined;
  useEffect(() => {
    if (!synced || !seated) return;
    const kept = takeForRoom(circleId);
    if (!kept) return;
    if (closed) closeDevices(kept.stream);
    else void turnOn(kept.stream, kept.mode);
  }, [synced, seated, closed, circleId, turnOn]);

  const dropCamera = useCallback(async () => {
    const outcome = await run({ type: 'choose_media', media: 'audio' });
    const stream = current.current;
    if (outcome.kind !== 'accepted' || !stream) return;
    setLocal(new MediaStream(stream.getAudioTracks()));
  }, [run, setLocal]);
  const toText = useCallback(async () => {
    setLost(null);
    awaiting.current = 'text';
    const outcome = await run({ type: 'choose_media', media: 'text' });
    if (outcome.kind !== 'accepted') awaiting.current = null;
  }, [run]);

  const peers = useSyncExternalStore(engine.subscribe, engine.getSnapshot);
  return { mode, local, peers, lost, turnOn, dropCamera, toText };
}

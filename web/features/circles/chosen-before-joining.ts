import type { DeviceMode } from './devices.ts';

// Voice chosen and checked on the page before joining, carried into the room: the browser keeps
// the checked microphone (and camera) open across the step, so the person is not asked twice.
// Only within the page: a reload between the two steps leaves them by text, to choose again.

export interface ChosenMedia {
  mode: DeviceMode;
  stream: MediaStream;
}

const chosen = new Map<string, ChosenMedia>();

/** Keeps the checked stream for the room of this circle. */
export function keepForRoom(circleId: string, media: ChosenMedia): void {
  for (const track of chosen.get(circleId)?.stream.getTracks() ?? []) track.stop();
  chosen.set(circleId, media);
}

/** The stream kept for this circle's room, handed over once. */
export function takeForRoom(circleId: string): ChosenMedia | undefined {
  const media = chosen.get(circleId);
  chosen.delete(circleId);
  return media;
}

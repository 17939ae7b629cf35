// Voice and video in a circle, where the talking piece holds the microphone. The server's state
// says whose microphone is open; every browser sends only while its own is, and plays only the
// voices of open microphones, so that no one is heard out of turn even by a client that ignored
// the first rule. See docs/decisions/032-voice-and-video.md.

import {
  type CircleState,
  isAvailable,
  mediaOf,
  type Participant,
  participantOf,
} from './machine.ts';

/**
 * Whose microphone the circle hears: the holder's while the circle runs, and a keeper's while
 * they guide aloud. Everyone else's is closed, so the circle's audio has one sender at a time
 * (two while a keeper guides). Those taking part by text only have no microphone.
 */
export function openMicrophones(state: CircleState): string[] {
  const open: string[] = [];
  const holder = state.holder === null ? undefined : participantOf(state, state.holder);
  if (state.status === 'open' && isAvailable(holder) && mediaOf(holder) !== 'text') {
    open.push(holder.id);
  }
  const guide = state.guiding === null ? undefined : participantOf(state, state.guiding);
  if (isAvailable(guide) && mediaOf(guide) !== 'text' && !open.includes(guide.id)) {
    open.push(guide.id);
  }
  return open;
}

/** Someone whose browser takes part in the circle's media: present, and not by text only. */
const withMedia = (participant: Participant | undefined): participant is Participant =>
  participant?.present === true && !participant.removed && mediaOf(participant) !== 'text';

/** Whether this participant's browser takes part in the circle's media now. */
export const hasMedia = (state: CircleState, id: string): boolean =>
  withMedia(participantOf(state, id));

/** Whether two participants' browsers may connect: both here, both with voice or camera. */
export function mayConnectMedia(state: CircleState, from: string, to: string): boolean {
  return (
    from !== to && withMedia(participantOf(state, from)) && withMedia(participantOf(state, to))
  );
}

/**
 * The browsers `me` connects to, and for each whether `me` makes the offer: the one of each pair
 * whose id sorts first offers, so two browsers never offer to each other at once.
 */
export function mediaPeers(state: CircleState, me: string): { id: string; offers: boolean }[] {
  return state.participants
    .filter((participant) => mayConnectMedia(state, me, participant.id))
    .map((participant) => ({ id: participant.id, offers: me < participant.id }));
}

/** How many browsers with media a circle connects pairwise before the server forwards instead. */
export const DEFAULT_MEDIA_MESH_LIMIT = 6;

/**
 * The forwarding unit's peer id in signals: a browser in a relayed circle offers to it alone.
 * Participant ids are UUIDs, so no one's id is this.
 */
export const RELAY_PEER = 'relay';

/**
 * How many voices the unit sends each browser, each audio and video: slot 0 the holder's, slot 1
 * a guiding keeper's, in the order of `openMicrophones`, which never opens more than two.
 */
export const RELAY_SLOTS = 2;

/**
 * A mesh while the browsers with media are few (each pair connects directly); past the limit,
 * every browser connects to the server's forwarding unit instead, which carries the open voices.
 * Browser and server decide it from the same state and limit, so they agree.
 */
export function mediaTopology(state: CircleState, meshLimit: number): 'mesh' | 'relay' {
  const browsers = state.participants.filter(withMedia).length;
  return browsers > meshLimit ? 'relay' : 'mesh';
}

/** Whose voice (and picture) each slot of the unit carries, by the slot's number. */
export const voiceSlots = (state: CircleState): string[] =>
  openMicrophones(state).slice(0, RELAY_SLOTS);

/**
 * What `me`'s browser connects to: each other browser with media in a mesh (see `mediaPeers`),
 * or the forwarding unit alone, which never offers, in a relayed circle.
 */
export function mediaLinks(
  state: CircleState,
  me: string,
  meshLimit: number,
): { id: string; offers: boolean }[] {
  if (mediaTopology(state, meshLimit) === 'mesh') return mediaPeers(state, me);
  return hasMedia(state, me) ? [{ id: RELAY_PEER, offers: true }] : [];
}

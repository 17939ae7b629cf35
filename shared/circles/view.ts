import type { CircleEvent, CircleState } from './machine.ts';

// What each person in a circle is shown. Three things reach the keepers only: who asked for a
// private word, who reported a message, and each person's choice about a transcript (nobody is
// pressed by others seeing who said no). Everyone sees their own. In place of someone else's
// such event, others get `kept_private`, which changes nothing, so that the sequence numbers
// stay whole and what a client folds always equals the snapshot made for it.

export interface Viewer {
  /** The participant's id in the circle. */
  id: string;
  /** Keepers by their seat, fixed before they join: they see everything from the first event. */
  keeper: boolean;
}

/** The event as `viewer` receives it. */
export function eventFor(event: CircleEvent, viewer: Viewer): CircleEvent {
  if (viewer.keeper) return event;
  const concernsOthers =
    (event.type === 'private_word_asked' && event.by !== viewer.id) ||
    (event.type === 'reported' && event.by !== viewer.id) ||
    (event.type === 'consent_recorded' && event.participantId !== viewer.id);
  return concernsOthers ? { type: 'kept_private', at: event.at } : event;
}

/** The state as `viewer` is shown it: for a snapshot. */
export function viewFor(state: CircleState, viewer: Viewer): CircleState {
  if (viewer.keeper) return state;
  return {
    ...state,
    participants: state.participants.map((participant) =>
      participant.id === viewer.id ? participant : { ...participant, consented: false },
    ),
    messages: state.messages.map((message) => ({
      ...message,
      reportedBy: message.reportedBy.filter((by) => by === viewer.id),
    })),
    privateWords: state.privateWords.filter((word) => word.by === viewer.id),
  };
}

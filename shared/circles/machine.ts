// A live restorative circle as a pure log of events. The server is the authority: it asks
// `decide` whether a participant's command may happen in the state so far, appends the events it
// returns, and publishes them; every client folds the same events with `apply`. Nothing here
// reads a clock or a database: times come in on the events.
//
// The rules, from the practice: only the holder of the talking piece speaks; the piece goes round
// in seating order, skipping whoever has left or stepped out; anyone may pass when it reaches
// them; keepers (the keeper and co-keeper) guide the stages and hold the safety controls; nothing
// is kept as a transcript unless everyone who took part consented.

import { channelRefusal, privateWordReaders } from '../youth/channels.ts';

export const stages = [
  'opening',
  'check_in',
  'values',
  'story',
  'issue',
  'commitments',
  'check_out',
  'closing',
] as const;
export type Stage = (typeof stages)[number];

/** How a participant appears in the circle: officers are always shown as officers. */
export const circleRoles = ['keeper', 'co_keeper', 'officer', 'resident', 'other'] as const;
export type CircleRole = (typeof circleRoles)[number];

export const acknowledgements = ['heard', 'thank_you', 'with_you'] as const;
export type Acknowledgement = (typeof acknowledgements)[number];

/**
 * How someone takes part: by text only, or also by voice, or by voice and camera. Whatever they
 * choose, only an open microphone is heard (see `openMicrophones`).
 */
export const mediaModes = ['text', 'audio', 'video'] as const;
export type MediaMode = (typeof mediaModes)[number];

export const MESSAGE_MAX = 2_000;
export const QUESTION_MAX = 500;

export type CircleEvent = { at: number } & (
  | { type: 'opened'; by: string }
  | {
      type: 'joined';
      participantId: string;
      name: string;
      role: CircleRole;
      /** Their place in a seating plan (a conference's speaking order); none in a plain circle. */
      place?: number;
      /** A young person under 18, from the youth program's record: never the client's word. */
      minor?: true;
    }
  | { type: 'left'; participantId: string }
  | { type: 'stepped_out'; participantId: string }
  | { type: 'stepped_back'; participantId: string }
  | { type: 'removed'; participantId: string; by: string }
  | { type: 'piece_moved'; to: string | null }
  | { type: 'posted'; messageId: string; by: string; text: string }
  | { type: 'acknowledged'; messageId: string; by: string; kind: Acknowledgement }
  | { type: 'hidden'; messageId: string; by: string }
  | { type: 'reported'; messageId: string; by: string }
  | { type: 'private_word_asked'; by: string }
  | { type: 'stage_moved'; to: Stage; by: string }
  | { type: 'question_posed'; text: string; by: string }
  | { type: 'paused'; by: string }
  | { type: 'resumed'; by: string }
  | { type: 'locked'; by: string }
  | { type: 'unlocked'; by: string }
  | { type: 'consent_recorded'; participantId: string; transcript: boolean }
  | { type: 'media_chosen'; participantId: string; media: MediaMode }
  /** A keeper speaks aloud to guide, whoever holds the piece; shown to everyone. */
  | { type: 'guiding_started'; by: string }
  | { type: 'guiding_ended'; by: string }
  | { type: 'closed'; by: string }
  /** Something only the keepers are shown (view.ts): it changes nothing for whoever gets it. */
  | { type: 'kept_private' }
);

export type CircleCommand =
  | { type: 'open' }
  | { type: 'join'; name: string; role: CircleRole; place?: number; minor?: true }
  | { type: 'leave' }
  | { type: 'step_out' }
  | { type: 'step_back' }
  | { type: 'post'; messageId: string; text: string }
  | { type: 'pass' }
  | { type: 'acknowledge'; messageId: string; kind: Acknowledgement }
  | { type: 'report'; messageId: string }
  | { type: 'ask_private_word' }
  | { type: 'consent'; transcript: boolean }
  | { type: 'choose_media'; media: MediaMode }
  // Keepers only:
  | { type: 'guide_aloud'; on: boolean }
  | { type: 'move_stage'; to: Stage }
  | { type: 'pose_question'; text: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'take_piece' }
  | { type: 'give_piece'; to: string }
  | { type: 'hide'; messageId: string }
  | { type: 'remove'; participantId: string }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'close' };

export type Refusal =
  | 'not_open'
  | 'closed'
  | 'paused'
  | 'not_paused'
  | 'locked'
  | 'removed'
  | 'not_present'
  | 'already_present'
  | 'stepped_out'
  | 'not_stepped_out'
  | 'not_holder'
  | 'not_keeper'
  | 'keeper_only_once'
  | 'unknown_participant'
  | 'not_available'
  | 'unknown_message'
  | 'own_message'
  | 'already_acknowledged'
  | 'already_hidden'
  | 'empty_text'
  | 'text_too_long'
  | 'same_stage'
  | 'already_open'
  | 'already_locked'
  | 'not_locked'
  | 'keeper_cannot_be_removed'
  | 'duplicate_message'
  /** A young person's private word reaches two keepers or no one (shared/youth/channels.ts). */
  | 'needs_two_keepers'
  | 'same_media'
  /** Guiding aloud needs a microphone: the keeper takes part by text only. */
  | 'no_microphone'
  | 'already_guiding'
  | 'not_guiding';

export interface Participant {
  id: string;
  name: string;
  role: CircleRole;
  /**
   * The piece goes round by seat. Seats follow the circle's seating plan where it has one (a
   * conference seats people in its script's speaking order, whenever they arrive), then the
   * order people first join.
   */
  seat: number;
  place?: number;
  present: boolean;
  steppedOut: boolean;
  removed: boolean;
  consented: boolean;
  /** A young person under 18: no private word reaches fewer than two keepers. */
  minor?: true;
  /** Voice or voice and camera; by text only when absent. */
  media?: Exclude<MediaMode, 'text'>;
}

export interface Message {
  id: string;
  by: string;
  text: string;
  stage: Stage;
  at: number;
  hidden: boolean;
  acknowledgedBy: Record<string, Acknowledgement>;
  reportedBy: string[];
}

/** Turns and time holding the piece, per participant: equal voice, measured. */
export interface Voice {
  turns: number;
  heldMs: number;
}

export interface CircleState {
  status: 'waiting' | 'open' | 'paused' | 'closed';
  stage: Stage;
  question: string | null;
  locked: boolean;
  /** In seating order. */
  participants: Participant[];
  holder: string | null;
  holderSince: number | null;
  messages: Message[];
  voice: Record<string, Voice>;
  /** Who asked the keepers for a private word, oldest first, not yet cleared. */
  privateWords: { by: string; at: number }[];
  /** The keeper speaking aloud to guide, if one is. */
  guiding: string | null;
}

export const initialState: CircleState = {
  status: 'waiting',
  stage: 'opening',
  question: null,
  locked: false,
  participants: [],
  holder: null,
  holderSince: null,
  messages: [],
  voice: {},
  privateWords: [],
  guiding: null,
};

const keeperRoles: ReadonlySet<CircleRole> = new Set(['keeper', 'co_keeper']);

export const participantOf = (state: CircleState, id: string) =>
  state.participants.find((participant) => participant.id === id);

/** Someone the piece may reach: in the circle now, and not stepped out. */
export const isAvailable = (participant: Participant | undefined): participant is Participant =>
  participant?.present === true && !participant.steppedOut && !participant.removed;

export const mediaOf = (participant: Participant): MediaMode => participant.media ?? 'text';

export const isKeeper = (state: CircleState, id: string) => {
  const participant = participantOf(state, id);
  return participant?.present === true && keeperRoles.has(participant.role);
};

/**
 * The next available person after `from` in seating order, coming round to `from` itself last;
 * null when no one is available.
 */
export function nextHolder(state: CircleState, from: string | null): string | null {
  const seated = state.participants;
  if (seated.length === 0) return null;
  const start = from === null ? -1 : seated.findIndex((participant) => participant.id === from);
  for (let step = 1; step <= seated.length; step += 1) {
    const candidate = seated[(start + step + seated.length) % seated.length];
    if (isAvailable(candidate)) return candidate.id;
  }
  return null;
}

const moveTo = (to: string | null): Omit<Extract<CircleEvent, { type: 'piece_moved' }>, 'at'> => ({
  type: 'piece_moved',
  to,
});

type NewEvent = CircleEvent extends infer Event
  ? Event extends CircleEvent
    ? Omit<Event, 'at'>
    : never
  : never;

export type Decision = { events: NewEvent[] } | { refusal: Refusal };

const refuse = (refusal: Refusal): Decision => ({ refusal });
const accept = (...events: NewEvent[]): Decision => ({ events });

/** When someone leaves the piece's path while holding it, it moves on to the next person. */
function movesOnIfHeldBy(state: CircleState, who: string, leaving: NewEvent): Decision {
  if (state.holder !== who) return accept(leaving);
  const after = apply(state, { ...leaving, at: 0 } as CircleEvent);
  return accept(leaving, moveTo(nextHolder(after, who)));
}

function textRefusal(text: string, max: number): Refusal | null {
  if (text.trim().length === 0) return 'empty_text';
  if (text.length > max) return 'text_too_long';
  return null;
}

/** Whether `actor` may do `command` now, and what it becomes: pure, and the only judge. */
export function decide(state: CircleState, actor: string, command: CircleCommand): Decision {
  if (state.status === 'closed') return refuse('closed');
  const me = participantOf(state, actor);
  if (command.type === 'join') {
    if (me?.removed) return refuse('removed');
    if (me?.present) return refuse('already_present');
    // A locked room keeps newcomers out; someone whose connection dropped comes back.
    if (state.locked && !me) return refuse('locked');
    if (
      !me &&
      command.role === 'keeper' &&
      state.participants.some((participant) => participant.role === 'keeper')
    ) {
      return refuse('keeper_only_once');
    }
    if (!me && textRefusal(command.name, 60)) return refuse('empty_text');
    const place = me ? me.place : command.place;
    return accept({
      type: 'joined',
      participantId: actor,
      name: me?.name ?? command.name.trim(),
      role: me?.role ?? command.role,
      ...(place === undefined ? {} : { place }),
      ...(!me && command.minor ? { minor: true as const } : {}),
    });
  }
  if (!me || me.removed) return refuse(me?.removed ? 'removed' : 'not_present');
  if (!me.present) return refuse('not_present');
  const keeper = keeperRoles.has(me.role);
  const live = state.status === 'open';

  switch (command.type) {
    case 'open':
      if (!keeper) return refuse('not_keeper');
      if (state.status !== 'waiting') return refuse('already_open');
      return accept(
        { type: 'opened', by: actor },
        moveTo(isAvailable(me) ? actor : nextHolder(state, actor)),
      );
    case 'leave':
      return movesOnIfHeldBy(state, actor, { type: 'left', participantId: actor });
    case 'step_out':
      if (me.steppedOut) return refuse('stepped_out');
      return movesOnIfHeldBy(state, actor, { type: 'stepped_out', participantId: actor });
    case 'step_back':
      if (!me.steppedOut) return refuse('not_stepped_out');
      return accept({ type: 'stepped_back', participantId: actor });
    case 'post': {
      if (!live) return refuse(state.status === 'paused' ? 'paused' : 'not_open');
      if (state.holder !== actor) return refuse('not_holder');
      const refusal = textRefusal(command.text, MESSAGE_MAX);
      if (refusal) return refuse(refusal);
      if (state.messages.some((message) => message.id === command.messageId)) {
        return refuse('duplicate_message');
      }
      return accept({
        type: 'posted',
        messageId: command.messageId,
        by: actor,
        text: command.text.trim(),
      });
    }
    case 'pass':
      if (!live) return refuse(state.status === 'paused' ? 'paused' : 'not_open');
      if (state.holder !== actor) return refuse('not_holder');
      return accept(moveTo(nextHolder(state, actor)));
    case 'acknowledge': {
      const message = state.messages.find((each) => each.id === command.messageId);
      if (!message || message.hidden) return refuse('unknown_message');
      if (message.by === actor) return refuse('own_message');
      if (message.acknowledgedBy[actor]) return refuse('already_acknowledged');
      return accept({
        type: 'acknowledged',
        messageId: command.messageId,
        by: actor,
        kind: command.kind,
      });
    }
    case 'report': {
      const message = state.messages.find((each) => each.id === command.messageId);
      if (!message) return refuse('unknown_message');
      return accept({ type: 'reported', messageId: command.messageId, by: actor });
    }
    case 'ask_private_word': {
      const keepersPresent = state.participants.filter(
        (participant) => participant.present && keeperRoles.has(participant.role),
      );
      const readers = privateWordReaders(
        { id: actor, minor: me.minor === true, staff: false },
        keepersPresent.map((keeper) => ({ id: keeper.id, minor: false, staff: true })),
      );
      if (channelRefusal(readers)) return refuse('needs_two_keepers');
      return accept({ type: 'private_word_asked', by: actor });
    }
    case 'consent':
      return accept({
        type: 'consent_recorded',
        participantId: actor,
        transcript: command.transcript,
      });
    case 'choose_media':
      if (mediaOf(me) === command.media) return refuse('same_media');
      return accept({ type: 'media_chosen', participantId: actor, media: command.media });
  }

  // Everything below is a keeper's.
  if (!keeper) return refuse('not_keeper');
  switch (command.type) {
    case 'move_stage':
      if (state.status === 'waiting') return refuse('not_open');
      if (command.to === state.stage) return refuse('same_stage');
      return accept({ type: 'stage_moved', to: command.to, by: actor });
    case 'pose_question': {
      const refusal = textRefusal(command.text, QUESTION_MAX);
      if (refusal) return refuse(refusal);
      return accept({ type: 'question_posed', text: command.text.trim(), by: actor });
    }
    case 'pause':
      if (!live) return refuse(state.status === 'paused' ? 'paused' : 'not_open');
      return accept({ type: 'paused', by: actor });
    case 'resume':
      if (state.status !== 'paused') return refuse('not_paused');
      return accept({ type: 'resumed', by: actor });
    case 'take_piece':
      if (state.status === 'waiting') return refuse('not_open');
      if (me.steppedOut) return refuse('stepped_out');
      return accept(moveTo(actor));
    case 'give_piece':
      if (state.status === 'waiting') return refuse('not_open');
      if (!participantOf(state, command.to)) return refuse('unknown_participant');
      if (!isAvailable(participantOf(state, command.to))) return refuse('not_available');
      return accept(moveTo(command.to));
    case 'hide': {
      const message = state.messages.find((each) => each.id === command.messageId);
      if (!message) return refuse('unknown_message');
      if (message.hidden) return refuse('already_hidden');
      return accept({ type: 'hidden', messageId: command.messageId, by: actor });
    }
    case 'remove': {
      const target = participantOf(state, command.participantId);
      if (!target || target.removed) return refuse('unknown_participant');
      if (keeperRoles.has(target.role)) return refuse('keeper_cannot_be_removed');
      return movesOnIfHeldBy(state, target.id, {
        type: 'removed',
        participantId: target.id,
        by: actor,
      });
    }
    case 'lock':
      if (state.locked) return refuse('already_locked');
      return accept({ type: 'locked', by: actor });
    case 'unlock':
      if (!state.locked) return refuse('not_locked');
      return accept({ type: 'unlocked', by: actor });
    case 'guide_aloud':
      if (!command.on) {
        if (state.guiding !== actor) return refuse('not_guiding');
        return accept({ type: 'guiding_ended', by: actor });
      }
      if (state.status === 'waiting') return refuse('not_open');
      if (me.steppedOut) return refuse('stepped_out');
      if (mediaOf(me) === 'text') return refuse('no_microphone');
      if (state.guiding !== null) return refuse('already_guiding');
      return accept({ type: 'guiding_started', by: actor });
    case 'close':
      return accept({ type: 'closed', by: actor });
  }
}

/** Guiding aloud ends with the keeper's presence, their stepping out, or their microphone. */
const guidingWithout = (state: CircleState, id: string) =>
  state.guiding === id ? null : state.guiding;

function updateParticipant(
  state: CircleState,
  id: string,
  change: Partial<Participant>,
): Participant[] {
  return state.participants.map((participant) =>
    participant.id === id ? { ...participant, ...change } : participant,
  );
}

function updateMessage(state: CircleState, id: string, change: (message: Message) => Message) {
  return state.messages.map((message) => (message.id === id ? change(message) : message));
}

/** The time the current holder has held the piece, added to their voice. */
function withHoldingCounted(state: CircleState, at: number): Record<string, Voice> {
  if (state.holder === null || state.holderSince === null) return state.voice;
  const voice = state.voice[state.holder] ?? { turns: 0, heldMs: 0 };
  return {
    ...state.voice,
    [state.holder]: { ...voice, heldMs: voice.heldMs + Math.max(0, at - state.holderSince) },
  };
}

/**
 * `newcomer` in their seat: before everyone the plan puts after them and everyone without a
 * place, or at the end when they have no place of their own; seats are numbered round again.
 */
function seated(participants: Participant[], newcomer: Participant): Participant[] {
  const { place } = newcomer;
  const before =
    place === undefined
      ? -1
      : participants.findIndex((other) => other.place === undefined || other.place > place);
  const ring =
    before === -1
      ? [...participants, newcomer]
      : [...participants.slice(0, before), newcomer, ...participants.slice(before)];
  return ring.map((participant, seat) =>
    participant.seat === seat ? participant : { ...participant, seat },
  );
}

export function apply(state: CircleState, event: CircleEvent): CircleState {
  switch (event.type) {
    case 'opened':
      return { ...state, status: 'open' };
    case 'joined': {
      const known = participantOf(state, event.participantId);
      if (known) {
        return {
          ...state,
          participants: updateParticipant(state, event.participantId, {
            present: true,
            steppedOut: false,
          }),
        };
      }
      return {
        ...state,
        participants: seated(state.participants, {
          id: event.participantId,
          name: event.name,
          role: event.role,
          seat: 0,
          ...(event.place === undefined ? {} : { place: event.place }),
          ...(event.minor ? { minor: true as const } : {}),
          present: true,
          steppedOut: false,
          removed: false,
          consented: false,
        }),
      };
    }
    case 'left':
      return {
        ...state,
        participants: updateParticipant(state, event.participantId, { present: false }),
        guiding: guidingWithout(state, event.participantId),
      };
    case 'stepped_out':
      return {
        ...state,
        participants: updateParticipant(state, event.participantId, { steppedOut: true }),
        guiding: guidingWithout(state, event.participantId),
      };
    case 'stepped_back':
      return {
        ...state,
        participants: updateParticipant(state, event.participantId, { steppedOut: false }),
      };
    case 'removed':
      return {
        ...state,
        participants: updateParticipant(state, event.participantId, {
          removed: true,
          present: false,
        }),
        guiding: guidingWithout(state, event.participantId),
      };
    case 'piece_moved': {
      const voice = withHoldingCounted(state, event.at);
      if (event.to === null) return { ...state, voice, holder: null, holderSince: null };
      const next = voice[event.to] ?? { turns: 0, heldMs: 0 };
      return {
        ...state,
        holder: event.to,
        holderSince: event.at,
        voice: { ...voice, [event.to]: { ...next, turns: next.turns + 1 } },
      };
    }
    case 'posted':
      return {
        ...state,
        messages: [
          ...state.messages,
          {
            id: event.messageId,
            by: event.by,
            text: event.text,
            stage: state.stage,
            at: event.at,
            hidden: false,
            acknowledgedBy: {},
            reportedBy: [],
          },
        ],
      };
    case 'acknowledged':
      return {
        ...state,
        messages: updateMessage(state, event.messageId, (message) => ({
          ...message,
          acknowledgedBy: { ...message.acknowledgedBy, [event.by]: event.kind },
        })),
      };
    case 'hidden':
      return {
        ...state,
        messages: updateMessage(state, event.messageId, (message) => ({
          ...message,
          hidden: true,
        })),
      };
    case 'reported':
      return {
        ...state,
        messages: updateMessage(state, event.messageId, (message) => ({
          ...message,
          reportedBy: message.reportedBy.includes(event.by)
            ? message.reportedBy
            : [...message.reportedBy, event.by],
        })),
      };
    case 'private_word_asked':
      return { ...state, privateWords: [...state.privateWords, { by: event.by, at: event.at }] };
    case 'stage_moved':
      return { ...state, stage: event.to, question: null };
    case 'question_posed':
      return { ...state, question: event.text };
    case 'paused':
      return { ...state, status: 'paused' };
    case 'resumed':
      return { ...state, status: 'open' };
    case 'locked':
      return { ...state, locked: true };
    case 'unlocked':
      return { ...state, locked: false };
    case 'consent_recorded':
      return {
        ...state,
        participants: updateParticipant(state, event.participantId, {
          consented: event.transcript,
        }),
      };
    case 'media_chosen':
      return {
        ...state,
        participants: state.participants.map((participant) => {
          if (participant.id !== event.participantId) return participant;
          const { media, ...byText } = participant;
          return event.media === 'text' ? byText : { ...byText, media: event.media };
        }),
        guiding:
          event.media === 'text' ? guidingWithout(state, event.participantId) : state.guiding,
      };
    case 'guiding_started':
      return { ...state, guiding: event.by };
    case 'guiding_ended':
      return { ...state, guiding: null };
    case 'kept_private':
      return state;
    case 'closed':
      return {
        ...state,
        status: 'closed',
        guiding: null,
        voice: withHoldingCounted(state, event.at),
        holder: null,
        holderSince: null,
      };
  }
}

export const fold = (events: readonly CircleEvent[], from: CircleState = initialState) =>
  events.reduce(apply, from);

/**
 * Whether the circle's words may be kept after it closes: only when everyone who took part
 * (whoever joined, including those who left or were removed) said yes.
 */
export const transcriptAllowed = (state: CircleState) =>
  state.participants.length > 0 && state.participants.every((participant) => participant.consented);

/** What may be kept: every visible message when everyone consented, and nothing otherwise. */
export const transcriptOf = (state: CircleState): Message[] =>
  transcriptAllowed(state) ? state.messages.filter((message) => !message.hidden) : [];

/** The groups equal voice is reported by: officers, residents, and everyone else. */
export type VoiceGroup = 'officers' | 'residents' | 'others';

const groupOf: Record<CircleRole, VoiceGroup> = {
  officer: 'officers',
  resident: 'residents',
  keeper: 'others',
  co_keeper: 'others',
  other: 'others',
};

/**
 * Turns and time with the piece per group, for the keeper and the program's reports: whether an
 * officer's badge bought more airtime than a resident's voice.
 */
export function voiceByGroup(state: CircleState): Record<VoiceGroup, Voice & { people: number }> {
  const totals: Record<VoiceGroup, Voice & { people: number }> = {
    officers: { turns: 0, heldMs: 0, people: 0 },
    residents: { turns: 0, heldMs: 0, people: 0 },
    others: { turns: 0, heldMs: 0, people: 0 },
  };
  for (const participant of state.participants) {
    const group = totals[groupOf[participant.role]];
    const voice = state.voice[participant.id] ?? { turns: 0, heldMs: 0 };
    group.people += 1;
    group.turns += voice.turns;
    group.heldMs += voice.heldMs;
  }
  return totals;
}

// A commitment's life, as a pure fold over its events: the server checks each command against
// the state so far, appends the event, and pages fold the same events to show the timeline.
// The rules: moving on (planned → in progress → done) needs no reason; anything that takes a
// promise back or gives it up (not done, changed, reopening a finished one) must say why, and
// only a coordinator's verification makes "done" final in the public's eyes.

export const commitmentStatuses = [
  'planned',
  'in_progress',
  'done',
  'not_done',
  'changed',
] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

export type CommitmentEvent =
  | { type: 'created'; at: string; by: string; dueOn: string }
  | { type: 'status_changed'; at: string; by: string; to: CommitmentStatus; reason?: string }
  | { type: 'progress_reported'; at: string; by: string; percent: number }
  | { type: 'due_date_moved'; at: string; by: string; dueOn: string; reason: string }
  | { type: 'completion_verified'; at: string; by: string; note?: string }
  | { type: 'evidence_added'; at: string; by: string; text: string; links: string[] };

export interface CommitmentState {
  status: CommitmentStatus;
  /** A calendar day, YYYY-MM-DD, in the program's time zone. */
  dueOn: string;
  percent: number;
  /** Set when a coordinator confirmed the work was done; cleared if it is reopened. */
  verifiedAt: string | null;
  /** When anything last happened to it: the public register sorts and feeds by this. */
  updatedAt: string;
  history: {
    at: string;
    by: string;
    from: CommitmentStatus | null;
    to: CommitmentStatus;
    reason?: string;
  }[];
}

export type CommitmentCommand =
  | { type: 'change_status'; to: CommitmentStatus; reason?: string }
  | { type: 'report_progress'; percent: number }
  | { type: 'move_due_date'; dueOn: string; reason?: string }
  | { type: 'verify_completion'; note?: string }
  | { type: 'add_evidence'; text: string; links: string[] };

/** Why a command is refused: the field a form shows it on, and a code pages translate. */
export interface Refusal {
  field: 'to' | 'reason' | 'percent' | 'dueOn' | 'status' | 'evidence';
  code:
    | 'same_status'
    | 'reason_required'
    | 'finished'
    | 'percent_range'
    | 'not_done'
    | 'already_verified'
    | 'evidence_empty';
  message: string;
}

const finished = new Set<CommitmentStatus>(['done', 'not_done', 'changed']);
const order: Record<CommitmentStatus, number> = {
  planned: 0,
  in_progress: 1,
  done: 2,
  not_done: 2,
  changed: 2,
};

/** Whether a move to `to` must give a reason: giving up, renegotiating, or going back. */
export function needsReason(from: CommitmentStatus, to: CommitmentStatus): boolean {
  return to === 'not_done' || to === 'changed' || order[to] < order[from];
}

export function apply(state: CommitmentState | null, event: CommitmentEvent): CommitmentState {
  if (event.type === 'created') {
    return {
      status: 'planned',
      dueOn: event.dueOn,
      percent: 0,
      verifiedAt: null,
      updatedAt: event.at,
      history: [{ at: event.at, by: event.by, from: null, to: 'planned' }],
    };
  }
  if (!state) throw new Error(`a ${event.type} event before the commitment was created`);
  return { ...applyToCreated(state, event), updatedAt: event.at };
}

function applyToCreated(
  state: CommitmentState,
  event: Exclude<CommitmentEvent, { type: 'created' }>,
): CommitmentState {
  switch (event.type) {
    case 'status_changed':
      return {
        ...state,
        status: event.to,
        percent: event.to === 'done' ? 100 : state.percent,
        verifiedAt: event.to === 'done' ? state.verifiedAt : null,
        history: [
          ...state.history,
          {
            at: event.at,
            by: event.by,
            from: state.status,
            to: event.to,
            ...(event.reason ? { reason: event.reason } : {}),
          },
        ],
      };
    case 'progress_reported':
      return { ...state, percent: event.percent };
    case 'due_date_moved':
      return { ...state, dueOn: event.dueOn };
    case 'completion_verified':
      return { ...state, verifiedAt: event.at };
    case 'evidence_added':
      return state;
  }
}

export const fold = (events: readonly CommitmentEvent[]): CommitmentState | null =>
  events.reduce<CommitmentState | null>(apply, null);

/** The refusal of a command in this state, or null when it may go ahead. */
export function refusalOf(state: CommitmentState, command: CommitmentCommand): Refusal | null {
  switch (command.type) {
    case 'change_status': {
      if (command.to === state.status) {
        return {
          field: 'to',
          code: 'same_status',
          message: 'The commitment already has this status.',
        };
      }
      if (needsReason(state.status, command.to) && !command.reason?.trim()) {
        return {
          field: 'reason',
          code: 'reason_required',
          message: 'Say why: the people it was promised to will read it.',
        };
      }
      return null;
    }
    case 'report_progress':
      if (finished.has(state.status)) {
        return {
          field: 'status',
          code: 'finished',
          message: 'This commitment is finished; reopen it to report progress.',
        };
      }
      if (!Number.isInteger(command.percent) || command.percent < 0 || command.percent > 100) {
        return {
          field: 'percent',
          code: 'percent_range',
          message: 'Give a whole number from 0 to 100.',
        };
      }
      return null;
    case 'move_due_date':
      if (!command.reason?.trim()) {
        return {
          field: 'reason',
          code: 'reason_required',
          message: 'Say why the date moves: the people it was promised to will read it.',
        };
      }
      return null;
    case 'verify_completion':
      if (state.status !== 'done') {
        return {
          field: 'status',
          code: 'not_done',
          message: 'Only a commitment marked done can be verified.',
        };
      }
      if (state.verifiedAt)
        return {
          field: 'status',
          code: 'already_verified',
          message: 'This commitment is verified already.',
        };
      return null;
    case 'add_evidence':
      if (!command.text.trim() && command.links.length === 0) {
        return {
          field: 'evidence',
          code: 'evidence_empty',
          message: 'Describe the evidence or link to it.',
        };
      }
      return null;
  }
}

/** The statuses of work still to do. */
export const openStatuses: readonly CommitmentStatus[] = ['planned', 'in_progress'];

/** Overdue: still open on a day after its due day (days compared as YYYY-MM-DD). */
export const isOverdueOn = (status: CommitmentStatus, dueOn: string, today: string) =>
  openStatuses.includes(status) && today > dueOn;

export const isOverdue = (state: CommitmentState, today: string) =>
  isOverdueOn(state.status, state.dueOn, today);

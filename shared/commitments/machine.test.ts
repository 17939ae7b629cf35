import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apply,
  type CommitmentCommand,
  type CommitmentEvent,
  type CommitmentState,
  commitmentStatuses,
  fold,
  isOverdue,
  needsReason,
  refusalOf,
} from './machine.ts';

const created: CommitmentEvent = {
  type: 'created',
  at: '2026-03-02T18:00:00Z',
  by: 'coordinator',
  dueOn: '2026-04-30',
};

const command: fc.Arbitrary<CommitmentCommand> = fc.oneof(
  fc.record({
    type: fc.constant('change_status' as const),
    to: fc.constantFrom(...commitmentStatuses),
    reason: fc.option(fc.constantFrom('', '  ', 'The budget moved to next year.'), {
      nil: undefined,
    }),
  }),
  fc.record({
    type: fc.constant('report_progress' as const),
    percent: fc.oneof(fc.integer({ min: -5, max: 105 }), fc.double()),
  }),
  fc.record({
    type: fc.constant('move_due_date' as const),
    dueOn: fc.constantFrom('2026-05-15', '2026-06-30'),
    reason: fc.option(fc.constantFrom('', 'Waiting for the council vote.'), { nil: undefined }),
  }),
  fc.constant({ type: 'verify_completion' as const }),
  fc.record({
    type: fc.constant('add_evidence' as const),
    text: fc.constantFrom('', ' ', 'The new policy is published.'),
    links: fc.constantFrom<string[]>([], ['https://example.org/policy']),
  }),
);

/** The event a command accepted in this state becomes, as the server would append it. */
function eventOf(command: CommitmentCommand, at: string): CommitmentEvent {
  const by = 'owner';
  switch (command.type) {
    case 'change_status':
      return { type: 'status_changed', at, by, to: command.to, reason: command.reason };
    case 'report_progress':
      return { type: 'progress_reported', at, by, percent: command.percent };
    case 'move_due_date':
      return { type: 'due_date_moved', at, by, dueOn: command.dueOn, reason: command.reason ?? '' };
    case 'verify_completion':
      return { type: 'completion_verified', at, by: 'coordinator' };
    case 'add_evidence':
      return { type: 'evidence_added', at, by, text: command.text, links: command.links };
  }
}

/** Runs the commands as the server would: refused ones leave no event. */
function run(commands: CommitmentCommand[]) {
  const events: CommitmentEvent[] = [created];
  let state = apply(null, created);
  commands.forEach((next, index) => {
    if (refusalOf(state, next)) return;
    const event = eventOf(next, `2026-03-${String(3 + (index % 25)).padStart(2, '0')}T12:00:00Z`);
    events.push(event);
    state = apply(state, event);
  });
  return { events, state };
}

describe('a commitment’s life', () => {
  it('keeps every rule whatever is asked of it', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const { events, state } = run(commands);
        // The timeline has one entry per status change, and each take-back says why.
        const changes = events.filter((event) => event.type === 'status_changed');
        expect(state.history).toHaveLength(changes.length + 1);
        for (const entry of state.history.slice(1)) {
          if (entry.from && needsReason(entry.from, entry.to)) {
            expect(entry.reason?.trim()).toBeTruthy();
          }
        }
        expect(Number.isInteger(state.percent) && state.percent >= 0 && state.percent <= 100).toBe(
          true,
        );
        if (state.status === 'done') expect(state.percent).toBe(100);
        if (state.verifiedAt !== null) expect(state.status).toBe('done');
        // Folding the stored events gives the same state: pages and server agree.
        expect(fold(events)).toEqual(state);
      }),
    );
  });

  it('refuses taking back a finished commitment without a reason', () => {
    const done = run([{ type: 'change_status', to: 'done' }]).state;
    expect(refusalOf(done, { type: 'change_status', to: 'planned' })).toEqual({
      field: 'reason',
      code: 'reason_required',
      message: 'Say why: the people it was promised to will read it.',
    });
    expect(
      refusalOf(done, { type: 'change_status', to: 'planned', reason: 'The repair failed.' }),
    ).toBeNull();
  });

  it('lets work move on without a reason, and needs one to give it up or renegotiate it', () => {
    const planned = apply(null, created);
    expect(refusalOf(planned, { type: 'change_status', to: 'in_progress' })).toBeNull();
    expect(refusalOf(planned, { type: 'change_status', to: 'done' })).toBeNull();
    expect(refusalOf(planned, { type: 'change_status', to: 'not_done' })?.field).toBe('reason');
    expect(refusalOf(planned, { type: 'change_status', to: 'changed' })?.field).toBe('reason');
  });

  it('verifies only what is done, once, and a reopened commitment is no longer verified', () => {
    const { state } = run([{ type: 'change_status', to: 'done' }, { type: 'verify_completion' }]);
    expect(state.verifiedAt).not.toBeNull();
    expect(refusalOf(state, { type: 'verify_completion' })?.field).toBe('status');
    const reopened: CommitmentState = apply(state, {
      type: 'status_changed',
      at: '2026-04-01T09:00:00Z',
      by: 'coordinator',
      to: 'in_progress',
      reason: 'The lights went out again.',
    });
    expect(reopened.verifiedAt).toBeNull();
    expect(refusalOf(apply(null, created), { type: 'verify_completion' })?.field).toBe('status');
  });

  it('is overdue only while open, from the day after its due day', () => {
    const planned = apply(null, created);
    expect(isOverdue(planned, '2026-04-30')).toBe(false);
    expect(isOverdue(planned, '2026-05-01')).toBe(true);
    const done = run([{ type: 'change_status', to: 'done' }]).state;
    expect(isOverdue(done, '2027-01-01')).toBe(false);
  });

  it('takes evidence as words or links, not as nothing, and dates the commitment by it', () => {
    const planned = apply(null, created);
    expect(refusalOf(planned, { type: 'add_evidence', text: '  ', links: [] })?.field).toBe(
      'evidence',
    );
    expect(
      refusalOf(planned, { type: 'add_evidence', text: '', links: ['https://example.org/a'] }),
    ).toBeNull();
    const later = apply(planned, {
      type: 'evidence_added',
      at: '2026-03-09T10:00:00Z',
      by: 'owner',
      text: 'Minutes of the meeting',
      links: [],
    });
    expect(later.updatedAt).toBe('2026-03-09T10:00:00Z');
    expect(later.status).toBe('planned');
  });
});

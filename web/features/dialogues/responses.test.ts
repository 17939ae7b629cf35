import { describe, expect, it } from 'vitest';
import type { NextStatement } from '../../../shared/dialogues/contract.ts';
import { withResponse } from './responses.ts';

const next: NextStatement = {
  statement: {
    id: 's1',
    number: 1,
    text: 'Officers should say why they stopped someone.',
    language: 'en',
    authorRole: 'resident',
    responses: [
      { displayName: 'Officer Lee', text: 'We will.', at: '2026-01-01T10:00:00.000Z' },
      { displayName: 'Officer Nair', text: 'First words.', at: '2026-01-01T11:00:00.000Z' },
    ],
    yourVote: null,
  },
  seen: 0,
  total: 2,
};
const response = { displayName: 'Officer Nair', text: 'Better words.', at: '2026-01-02T09:00:00Z' };

describe('an officer’s response on the shown statement', () => {
  it('replaces the officer’s earlier response and keeps the others, in order', () => {
    const shown = withResponse(next, 's1', response)?.statement;
    expect(shown?.responses.map((each) => each.text)).toEqual(['We will.', 'Better words.']);
    expect(shown?.id).toBe('s1');
  });

  it('leaves another statement, or none, as it was', () => {
    expect(withResponse(next, 's2', response)).toBe(next);
    const none = { statement: null, seen: 2, total: 2 };
    expect(withResponse(none, 's1', response)).toBe(none);
    expect(withResponse(undefined, 's1', response)).toBeUndefined();
  });
});

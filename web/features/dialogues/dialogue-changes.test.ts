import { describe, expect, it } from 'vitest';
import { changedFields, changesFormOf } from './dialogue-changes.ts';
import { instantToLocal } from './figures.ts';

const dialogue = {
  title: 'Traffic stops on the east side',
  description: 'What we heard, and what changes.',
  opensAt: '2025-03-01T17:00:00.000Z',
  closesAt: '2025-03-22T17:00:00.000Z',
  moderation: 'before' as const,
};

describe('changing a dialogue', () => {
  it('starts from the dialogue as it is, its times in the device’s own time', () => {
    const form = changesFormOf(dialogue);
    expect(form.title).toBe(dialogue.title);
    expect(form.opensAt).toBe(instantToLocal(new Date(dialogue.opensAt)));
    expect(new Date(form.closesAt).toISOString()).toBe(dialogue.closesAt);
  });

  it('sends nothing when nothing was changed, not even a passed opening time', () => {
    expect(changedFields(dialogue, changesFormOf(dialogue))).toEqual({});
  });

  it('sends only the fields that were changed, times as instants', () => {
    const form = changesFormOf(dialogue);
    const later = new Date('2025-03-29T17:00:00.000Z');
    const body = changedFields(dialogue, {
      ...form,
      closesAt: instantToLocal(later),
      moderation: 'after',
    });
    expect(body).toEqual({ closesAt: later.toISOString(), moderation: 'after' });
  });

  it('sends an emptied topic or unreadable time as typed, for the server to name the field', () => {
    const form = changesFormOf(dialogue);
    expect(changedFields(dialogue, { ...form, title: '', opensAt: '' })).toEqual({
      title: '',
      opensAt: '',
    });
  });
});

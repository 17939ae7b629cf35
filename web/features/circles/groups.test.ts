import { describe, expect, it } from 'vitest';
import type { CircleStatus, CircleSummary } from '../../../shared/circles/contract.ts';
import { groupCircles } from './groups.ts';

function circle(id: string, status: CircleStatus, startsAt: string): CircleSummary {
  return {
    id,
    programId: 'p',
    programName: 'Traffic stops listening circles',
    purpose: `Circle ${id}`,
    startsAt,
    timeZone: 'America/Chicago',
    durationMinutes: 90,
    status,
    language: 'en',
    capacity: 12,
    seats: 0,
    keeper: { id: 'k', name: 'Rosa Marín' },
    coKeeper: null,
    series: null,
    training: false,
    conference: false,
  };
}

describe('a list of circles, as people look for them', () => {
  it('puts the live circle first, then the next ones soonest first, then the past most recent first', () => {
    const groups = groupCircles([
      circle('old', 'closed', '2027-01-05T18:00:00Z'),
      circle('later', 'scheduled', '2027-03-02T18:00:00Z'),
      circle('now', 'live', '2027-02-01T18:00:00Z'),
      circle('called-off', 'cancelled', '2027-01-19T18:00:00Z'),
      circle('next', 'scheduled', '2027-02-16T18:00:00Z'),
    ]);
    expect(groups.live.map((each) => each.id)).toEqual(['now']);
    expect(groups.upcoming.map((each) => each.id)).toEqual(['next', 'later']);
    expect(groups.past.map((each) => each.id)).toEqual(['called-off', 'old']);
  });
});

import type { CircleSummary } from '../../../shared/circles/contract.ts';

export interface CircleGroups {
  live: CircleSummary[];
  upcoming: CircleSummary[];
  past: CircleSummary[];
}

const byStart = (a: CircleSummary, b: CircleSummary) => a.startsAt.localeCompare(b.startsAt);

/**
 * A list of circles as people look for them: the one running now first, then what comes next
 * (soonest first), then what is over (most recent first), cancelled circles among them.
 */
export function groupCircles(circles: readonly CircleSummary[]): CircleGroups {
  return {
    live: circles.filter((circle) => circle.status === 'live').sort(byStart),
    upcoming: circles.filter((circle) => circle.status === 'scheduled').sort(byStart),
    past: circles
      .filter((circle) => circle.status === 'closed' || circle.status === 'cancelled')
      .sort((a, b) => byStart(b, a)),
  };
}

// A restitution's schedule, as the team agreed it: the amounts due on each day. Without
// instalments the whole amount is due on the item's own day. Payments are counted against the
// schedule in order, so "behind" means that what was paid so far does not cover every day that
// has come; these rules are pure, for the item's page, the overdue list and the reminders alike.

export interface Instalment {
  dueOn: string;
  amountCents: number;
}

/** The days payments are due, earliest first; the whole amount on the item's day without any. */
export function scheduleOf(
  amountCents: number,
  instalments: readonly Instalment[],
  itemDueOn: string,
): Instalment[] {
  if (instalments.length === 0) return [{ dueOn: itemDueOn, amountCents }];
  return [...instalments].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/**
 * The due days that the payments so far do not yet cover, earliest first, each with what is
 * still owed of it (a payment short of an instalment leaves the rest owed on that day).
 */
export function unpaidDays(schedule: readonly Instalment[], paidCents: number): Instalment[] {
  let due = 0;
  return schedule.flatMap((instalment) => {
    due += instalment.amountCents;
    const owed = Math.min(instalment.amountCents, due - paidCents);
    return owed > 0 ? [{ dueOn: instalment.dueOn, amountCents: owed }] : [];
  });
}

/** The first due day before `today` that the payments do not cover; null when none is behind. */
export function behindSince(
  schedule: readonly Instalment[],
  paidCents: number,
  today: string,
): string | null {
  const [first] = unpaidDays(schedule, paidCents);
  return first && first.dueOn < today ? first.dueOn : null;
}

// Due days are calendar days where the program is (the TIME_ZONE setting), not instants: a
// promise due on the 30th is kept if it is done on the 30th there, whatever UTC says.

/** The calendar day, YYYY-MM-DD, that `moment` falls on in `timeZone`. */
export function dayIn(timeZone: string, moment: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(moment);
  const part = (type: string) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The day `days` after (or before, when negative) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const moment = new Date(`${day}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

// Restitution is recorded, never collected: amounts travel as whole cents, and people type
// them as they write money ("120", "120.50", "120,50").

/** Cents from what was typed, or null when it is not an amount with at most two decimals. */
export function centsFrom(typed: string): number | null {
  const plain = typed.trim().replace(/\s/g, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(plain);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** "120.50" from 12050: how an amount is put back into a field. */
export function typedFrom(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}

/** An amount in the reader's language, e.g. "$120.50" or "120,50 US$". */
export function formatMoney(cents: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${typedFrom(cents)} ${currency}`;
  }
}

/**
 * A schedule of `count` payments that add up to `cents`, a month apart from `firstDay`; any
 * cents that do not divide evenly go on the first payment.
 */
export function evenInstalments(
  cents: number,
  count: number,
  firstDay: string,
): { dueOn: string; amountCents: number }[] {
  if (count < 1 || cents < count) return [];
  const each = Math.floor(cents / count);
  const first = cents - each * (count - 1);
  const start = new Date(`${firstDay}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return [];
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(start);
    day.setUTCMonth(start.getUTCMonth() + index);
    // The 31st of a shorter month is its last day, not the first days of the next.
    if (day.getUTCDate() !== start.getUTCDate()) day.setUTCDate(0);
    return { dueOn: day.toISOString().slice(0, 10), amountCents: index === 0 ? first : each };
  });
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn } from './days.ts';

describe('due days', () => {
  it('names the day where the program is, not in UTC', () => {
    const lateEvening = new Date('2026-04-30T23:30:00-05:00');
    expect(dayIn('America/Chicago', lateEvening)).toBe('2026-04-30');
    expect(dayIn('UTC', lateEvening)).toBe('2026-05-01');
  });

  it('counts days across months and years, and back again', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: -400, max: 400 }),
        (moment, days) => {
          const day = moment.toISOString().slice(0, 10);
          expect(addDays(addDays(day, days), -days)).toBe(day);
          expect(addDays(day, days) > day).toBe(days > 0);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { centsFrom, evenInstalments, formatMoney, typedFrom } from './money.ts';

describe('centsFrom', () => {
  it('should read an amount as people type it, with a point or a comma', () => {
    expect(centsFrom('120')).toBe(12_000);
    expect(centsFrom(' 120.5 ')).toBe(12_050);
    expect(centsFrom('120,05')).toBe(12_005);
    expect(centsFrom('0.99')).toBe(99);
  });

  it('should refuse what is not an amount, rather than guess', () => {
    expect(centsFrom('')).toBeNull();
    expect(centsFrom('12.345')).toBeNull();
    expect(centsFrom('-5')).toBeNull();
    expect(centsFrom('1,200.00')).toBeNull();
    expect(centsFrom('ten')).toBeNull();
  });

  it('should give back what it read', () => {
    expect(typedFrom(12_050)).toBe('120.50');
    expect(typedFrom(12_000)).toBe('120');
    expect(centsFrom(typedFrom(1_005))).toBe(1_005);
  });
});

describe('evenInstalments', () => {
  it('should split an amount into monthly payments that add up to it', () => {
    const schedule = evenInstalments(10_000, 3, '2027-01-15');
    expect(schedule).toEqual([
      { dueOn: '2027-01-15', amountCents: 3_334 },
      { dueOn: '2027-02-15', amountCents: 3_333 },
      { dueOn: '2027-03-15', amountCents: 3_333 },
    ]);
    expect(schedule.reduce((sum, part) => sum + part.amountCents, 0)).toBe(10_000);
  });

  it('should keep the end of a month at the end of a shorter month', () => {
    expect(evenInstalments(300, 2, '2027-01-31').map((part) => part.dueOn)).toEqual([
      '2027-01-31',
      '2027-02-28',
    ]);
  });

  it('should make no schedule without a first day or with fewer cents than payments', () => {
    expect(evenInstalments(10_000, 2, '')).toEqual([]);
    expect(evenInstalments(1, 2, '2027-01-01')).toEqual([]);
  });
});

describe('formatMoney', () => {
  it('should write an amount in the reader’s language', () => {
    expect(formatMoney(12_050, 'USD', 'en')).toBe('$120.50');
    expect(formatMoney(12_050, 'USD', 'es')).toContain('120,50');
  });
});

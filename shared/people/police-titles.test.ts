import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimsPoliceTitle } from './police-titles.ts';

describe('names that present someone as police', () => {
  it.each([
    'Officer Díaz',
    'officer díaz',
    'Ofc. Nair',
    'Sgt. Pepper',
    'Lt Ortiz',
    'Chief Ramos',
    'Agente Morales',
    'Sargento García',
    'Teniente López',
    'La Policía',
    'Marisol (police)',
    'Capitán Ruiz',
  ])('refuses "%s"', (name) => {
    expect(claimsPoliceTitle(name)).toBe(true);
  });

  it.each([
    'Marisol',
    'Quiet neighbour',
    'D. from Elm Street',
    'Polly',
    'Copper Kettle',
    'Ltd. Studios',
    'Mother of Andre',
    'Abuela Rosa',
  ])('accepts "%s"', (name) => {
    expect(claimsPoliceTitle(name)).toBe(false);
  });

  it('refuses any name that starts with a title, whatever follows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Officer', 'Sgt.', 'Lt.', 'Chief', 'Agente', 'Oficial'),
        fc.string({ maxLength: 30 }),
        (title, rest) => claimsPoliceTitle(`${title} ${rest}`),
      ),
    );
  });

  it('accepts names made of letters that spell no title', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,3}( [a-z]{1,3}){0,3}$/), (name) => {
        const words = name.split(' ');
        const titled = ['cop', 'lt', 'det', 'ofc', 'cpt', 'sgt', 'jefe', 'jefa', 'cabo'].some(
          (title) => words.includes(title),
        );
        return titled || !claimsPoliceTitle(name);
      }),
    );
  });
});

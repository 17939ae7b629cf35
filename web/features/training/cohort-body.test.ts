import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssignablePerson } from '../../../shared/training/contract.ts';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';
import { cohortBody, cohortFieldMessage, cohortFieldOf, matchesName } from './cohort-body.ts';

let t: TFunction;
let tEs: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  t = instance.getFixedT('en');
  tEs = instance.getFixedT('es');
});

const people: AssignablePerson[] = [
  { id: 'p-ana', name: 'Officer Ana Castillo', officer: true },
  { id: 'p-jose', name: 'José Núñez', officer: false },
  { id: 'p-rosa', name: 'Officer Rosa Delgado', officer: true },
];
const nameOf = (personId: string) =>
  people.find((person) => person.id === personId)?.name ?? personId;

describe('matchesName', () => {
  it('should find a name by any of its words, whatever the accents or case', () => {
    expect(matchesName('José Núñez', 'jose')).toBe(true);
    expect(matchesName('José Núñez', 'NUNEZ jo')).toBe(true);
    expect(matchesName('Officer Ana Castillo', 'castillo ana')).toBe(true);
  });

  it('should show everyone for an empty filter and no one for a name not there', () => {
    expect(matchesName('Officer Ana Castillo', '  ')).toBe(true);
    expect(matchesName('Officer Ana Castillo', 'rosa')).toBe(false);
  });
});

describe('cohortBody', () => {
  it('should send the chosen people in the list’s order, with the units they were given', () => {
    const body = cohortBody(
      {
        name: '  Spring patrol ',
        dueOn: '2027-03-01',
        chosen: new Set(['p-rosa', 'p-ana']),
        units: { 'p-ana': ' Patrol North ', 'p-rosa': '', 'p-jose': 'Traffic' },
      },
      people,
    );
    expect(body).toEqual({
      name: 'Spring patrol',
      dueOn: '2027-03-01',
      people: ['p-ana', 'p-rosa'],
      units: { 'p-ana': 'Patrol North' },
    });
  });

  it('should send no one when no one is chosen, for the server to say so', () => {
    const body = cohortBody({ name: 'x', dueOn: '', chosen: new Set(), units: {} }, people);
    expect(body.people).toEqual([]);
    expect(body.units).toEqual({});
  });
});

describe('cohortFieldOf', () => {
  const sent = ['p-ana', 'p-rosa'];

  it('should place a problem with one sent person beside that person', () => {
    expect(cohortFieldOf('people.1', sent)).toBe('person:p-rosa');
    expect(cohortFieldOf('units.p-ana', sent)).toBe('unit:p-ana');
  });

  it('should place the form’s own fields where they are, and the rest in the summary', () => {
    expect(cohortFieldOf('name', sent)).toBe('name');
    expect(cohortFieldOf('dueOn', sent)).toBe('dueOn');
    expect(cohortFieldOf('people', sent)).toBe('people');
    expect(cohortFieldOf('people.7', sent)).toBe('people');
    expect(cohortFieldOf('somethingElse', sent)).toBe('form');
  });
});

describe('cohortFieldMessage', () => {
  it('should say what to do in the reader’s language', () => {
    const nobody = { field: 'people', message: 'Choose at least one person.', code: 'too_small' };
    expect(cohortFieldMessage(t, 'people', nobody, nameOf)).toBe('Choose at least one person.');
    expect(cohortFieldMessage(tEs, 'people', nobody, nameOf)).toBe('Elija al menos una persona.');
    const due = { field: 'dueOn', message: 'Give the due date.', code: 'invalid_format' };
    expect(cohortFieldMessage(tEs, 'dueOn', due, nameOf)).toBe('Indique la fecha límite.');
  });

  it('should name the person a problem is about', () => {
    const stranger = { field: 'people.0', message: 'Not in the program.', code: 'not_in_program' };
    expect(cohortFieldMessage(t, 'person:p-jose', stranger, nameOf)).toBe(
      'José Núñez is not in the organisations that run this program.',
    );
    const long = { field: 'units.p-ana', message: 'Too long.', code: 'too_big' };
    expect(cohortFieldMessage(t, 'unit:p-ana', long, nameOf)).toBe(
      'Keep the unit of Officer Ana Castillo under 80 characters.',
    );
  });

  it('should show a problem it does not know in the server’s words', () => {
    const odd = { field: 'extra', message: 'Something else is wrong.' };
    expect(cohortFieldMessage(t, 'form', odd, nameOf)).toBe('Something else is wrong.');
  });
});

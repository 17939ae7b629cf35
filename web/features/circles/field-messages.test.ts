import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createCircleBody, joinCircleBody } from '../../../shared/circles/contract.ts';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';
import { circleFieldMessage, harvestFieldMessage } from './field-messages.ts';
import { addressesIn } from './InviteSection.tsx';

async function translator(language: 'en' | 'es'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

/** The field problems the server sends for what the contract refuses. */
const problemsOf = (issues: readonly { path: readonly PropertyKey[]; code: string }[]) =>
  issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: issue.code,
    message: 'English from the server',
  }));

const plan = {
  purpose: 'Listening circle on traffic stops',
  startsAtLocal: '2027-03-02T18:00',
  keeperId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  capacity: 12,
  language: 'en',
};

describe('circle field messages', () => {
  it('should say beside each planning field, in Spanish, what the contract refuses', async () => {
    const t = await translator('es');
    const refused = createCircleBody.safeParse({ ...plan, purpose: 'x', capacity: 40, count: 60 });
    expect(refused.success).toBe(false);
    const messages = problemsOf(refused.error?.issues ?? []).map((problem) => [
      problem.field,
      circleFieldMessage(t, problem),
    ]);
    expect(messages).toEqual([
      ['purpose', 'Diga en pocas palabras para qué es el círculo.'],
      ['capacity', 'Un círculo tiene como máximo 30 lugares.'],
      ['count', 'Una serie tiene de 2 a 52 círculos.'],
    ]);
  });

  it('should tell a small circle and a capacity that is not a number apart', async () => {
    const t = await translator('en');
    const small = createCircleBody.safeParse({ ...plan, capacity: 3 });
    const word = createCircleBody.safeParse({ ...plan, capacity: 'twelve' });
    expect(problemsOf(small.error?.issues ?? []).map((p) => circleFieldMessage(t, p))).toEqual([
      'A circle has at least 5 places.',
    ]);
    expect(problemsOf(word.error?.issues ?? []).map((p) => circleFieldMessage(t, p))).toEqual([
      'Give a whole number from 5 to 30.',
    ]);
  });

  it('should ask for agreement to the guidelines kindly, and say a pseudonym is fine', async () => {
    const t = await translator('en');
    const refused = joinCircleBody.safeParse({
      displayName: ' ',
      language: 'es',
      agreeToGuidelines: false,
    });
    expect(problemsOf(refused.error?.issues ?? []).map((p) => circleFieldMessage(t, p))).toEqual([
      'Choose a name for the circle. It does not have to be your real name.',
      'To take part, agree to the guidelines. You can still leave at any time.',
    ]);
  });

  it('should place a harvest commitment’s problem on its row’s field', async () => {
    const t = await translator('en');
    expect(
      harvestFieldMessage(t, {
        field: 'commitments.1.owner.personId',
        code: 'invalid_format',
        message: 'English',
      }),
    ).toBe('Choose who answers for the commitment.');
    expect(
      harvestFieldMessage(t, { field: 'commitments.0.title', code: 'too_small', message: 'x' }),
    ).toBe('Give the commitment a title of at least 3 characters.');
  });

  it('should keep the server’s own words for a problem it does not know', async () => {
    const t = await translator('es');
    expect(circleFieldMessage(t, { field: 'somethingNew', message: 'Server words.' })).toBe(
      'Server words.',
    );
  });
});

describe('email addresses as people paste them', () => {
  it('should read one a line, or separated by commas, semicolons or spaces', () => {
    expect(addressesIn('amir@example.org\n grace@example.org;luz@example.org,  ')).toEqual([
      'amir@example.org',
      'grace@example.org',
      'luz@example.org',
    ]);
    expect(addressesIn('  \n ')).toEqual([]);
  });
});

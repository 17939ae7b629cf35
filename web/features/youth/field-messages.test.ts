import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { addYoungPersonRequest, youthSettingsRequest } from '../../../shared/youth/contract.ts';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';
import { youthFieldMessage } from './field-messages.ts';

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

const settings = {
  minAge: 12,
  maxAge: 17,
  safeguardingLeadId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  twoAdultsPresent: true,
  openPlacesOnly: true,
  guardianSeesMentoring: false,
  retentionDays: 365,
  consentValidDays: 365,
  aboutForGuardians: 'Young people and officers meet at the library twice a month.',
};

describe('youth field messages', () => {
  it('should say beside each settings field, in Spanish, what the contract refuses', async () => {
    const t = await translator('es');
    const refused = youthSettingsRequest.safeParse({
      ...settings,
      minAge: 16,
      maxAge: 14,
      retentionDays: 5,
      consentValidDays: 2000,
      aboutForGuardians: 'Short.',
    });
    const messages = Object.fromEntries(
      problemsOf(refused.error?.issues ?? []).map((problem) => [
        problem.field,
        youthFieldMessage(t, problem),
      ]),
    );
    expect(messages).toEqual({
      maxAge: 'La edad mayor no puede ser menor que la edad menor.',
      retentionDays:
        'Conserve los registros al menos 30 días, para que se pueda dar seguimiento a una preocupación.',
      consentValidDays: 'Un consentimiento dura como máximo 2 años (730 días).',
      aboutForGuardians:
        'Cuénteles a las personas tutoras, en una o dos oraciones, qué hará su joven.',
    });
  });

  it('should name a missing guardian and a guardian’s wrong email in the reader’s words', async () => {
    const t = await translator('en');
    const refused = addYoungPersonRequest.safeParse({
      displayName: ' ',
      ageBand: '14-15',
      guardian: { name: 'Dana', email: 'dana at home' },
    });
    const fields = problemsOf(refused.error?.issues ?? []).map((problem) => [
      problem.field,
      youthFieldMessage(t, problem),
    ]);
    expect(fields).toEqual([
      ['displayName', 'Give a name for others to see; it does not have to be their real name.'],
      ['guardian.email', 'Give an email address such as name@example.org.'],
    ]);
    expect(
      youthFieldMessage(t, { field: 'guardian', code: 'guardian_required', message: '' }),
    ).toBe(
      'A young person under 18 needs a guardian’s consent: give the guardian’s name and email.',
    );
    expect(
      youthFieldMessage(
        t,
        { field: 'ageBand', code: 'outside_range', message: '' },
        { min: 12, max: 17 },
      ),
    ).toBe('This program is for ages 12 to 17: choose an age band within it.');
  });

  it('should show a problem it does not know in the server’s own words', async () => {
    const t = await translator('es');
    expect(youthFieldMessage(t, { field: 'elsewhere', message: 'As the server said.' })).toBe(
      'As the server said.',
    );
  });
});

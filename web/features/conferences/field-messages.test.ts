import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { addItemBody, referralBody, SUMMARY_MAX } from '../../../shared/conferences/contract.ts';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';
import { conferenceFieldMessage } from './field-messages.ts';

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
function messagesFor(t: TFunction, result: { error?: { issues: readonly Issue[] } }) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => {
      const field = issue.path.map(String).join('.');
      return [
        field,
        conferenceFieldMessage(t, { field, code: issue.code, message: 'English from the server' }),
      ];
    }),
  );
}
interface Issue {
  path: readonly PropertyKey[];
  code: string;
}

const token = 'a'.repeat(32);

describe('conference field messages', () => {
  it('should tell a referrer in Spanish, beside each field, what is missing', async () => {
    const t = await translator('es');
    const refused = referralBody.safeParse({ token, referrerName: '', harmType: '' });
    expect(messagesFor(t, refused)).toEqual({
      referrerKind: 'Indique quién hace la derivación.',
      referrerName: 'Escriba su nombre.',
      referrerContact:
        'Escriba un correo electrónico o un número de teléfono para que podamos contactarle.',
      incidentSummary: 'Escriba lo que pasó. Unas pocas frases bastan.',
      harmType: 'Elija el tipo de daño.',
      urgency: 'Indique qué tan urgente es.',
    });
  });

  it('should name the limit of a text that is too long', async () => {
    const t = await translator('en');
    const refused = referralBody.safeParse({
      token,
      referrerKind: 'person_harmed',
      referrerName: 'Luz',
      referrerContact: '555-0123',
      incidentSummary: 'x'.repeat(SUMMARY_MAX + 1),
      harmType: 'discourtesy',
      urgency: 'soon',
    });
    expect(messagesFor(t, refused)).toEqual({
      incidentSummary: 'Keep what happened under 4,000 characters.',
    });
    expect(messagesFor(await translator('es'), refused)).toEqual({
      incidentSummary: 'Lo que pasó debe tener menos de 4000 caracteres.',
    });
  });

  it('should say when a restitution’s payments do not add up to its amount', async () => {
    const t = await translator('en');
    const refused = addItemBody.safeParse({
      kind: 'restitution',
      description: 'Pays for the bus pass',
      responsible: { kind: 'party', partyId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' },
      dueOn: '2027-03-02',
      verification: 'Receipts',
      restitution: {
        amountCents: 30_000,
        currency: 'usd',
        instalments: [{ dueOn: '2027-01-02', amountCents: 10_000 }],
      },
    });
    expect(messagesFor(t, refused)).toEqual({
      'restitution.currency': 'Give a currency as three capital letters, such as USD.',
      'restitution.instalments': 'The payments must add up to the amount agreed.',
    });
  });
});

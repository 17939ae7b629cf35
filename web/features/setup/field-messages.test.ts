import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { setupRequest } from '../../../shared/setup/contract.ts';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';
import { fieldMessage, problemsOf } from './field-messages.ts';

async function translator(language: 'en' | 'es'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('setup field messages', () => {
  it('should say what the server says, in Spanish, for each field the page knows', async () => {
    const t = await translator('es');
    const messages = [
      { field: 'organisation.name', code: 'too_small' },
      { field: 'organisation.kind', code: 'invalid_value' },
      { field: 'admin.name', code: 'too_small' },
      { field: 'admin.email', code: 'invalid_format' },
      { field: 'admin.password', code: 'too_small' },
      { field: 'admin.password', code: 'too_big' },
    ].map((problem) => fieldMessage(t, { ...problem, message: 'English from the server' }));
    expect(messages).toEqual([
      'Escriba un nombre de al menos 2 caracteres para la organización.',
      'Elija qué tipo de organización es.',
      'Escriba su nombre.',
      'Escriba un correo electrónico como nombre@ejemplo.org.',
      'Elija una contraseña de al menos 12 caracteres.',
      'La contraseña debe tener menos de 256 caracteres.',
    ]);
  });

  it("should match the contract's own English messages, limits included", async () => {
    const t = await translator('en');
    const parsed = setupRequest.safeParse({
      token: 'x'.repeat(40),
      organisation: { name: 'R', kind: 'a bakery' },
      admin: { name: ' ', email: 'ana@', password: 'short', language: 'en' },
    });
    const problems = problemsOf(parsed.error?.issues ?? []);
    expect(problems.map((problem) => fieldMessage(t, problem))).toEqual(
      problems.map((problem) => problem.message),
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'organisation.name',
      'organisation.kind',
      'admin.name',
      'admin.email',
      'admin.password',
    ]);
  });

  it("should fall back to the server's words for a field it does not know", async () => {
    const t = await translator('es');
    expect(fieldMessage(t, { field: 'admin.language', message: 'Invalid option' })).toBe(
      'Invalid option',
    );
  });
});

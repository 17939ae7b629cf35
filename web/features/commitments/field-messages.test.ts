import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  commitmentUpdateRequest,
  createCommitmentRequest,
  LATEST_DUE_YEARS,
  TITLE_MAX,
} from '../../../shared/commitments/contract.ts';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';
import { commitmentFieldMessage } from './field-messages.ts';

async function translator(language: 'en' | 'es'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const problemsOf = (issues: readonly { path: readonly PropertyKey[]; code: string }[]) =>
  issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: issue.code,
    message: 'English from the server',
  }));

describe('commitment field messages', () => {
  it('should say in Spanish what the server refuses when a commitment is recorded', async () => {
    const t = await translator('es');
    const messages = [
      { field: 'title', code: 'too_big' },
      { field: 'dueOn', code: 'due_in_past' },
      { field: 'owner', code: undefined },
      { field: 'owner.personId', code: 'invalid_format' },
      { field: 'visibility', code: 'invalid_value' },
    ].map((problem) => commitmentFieldMessage(t, { ...problem, message: 'English' }));
    expect(messages).toEqual([
      `El título debe tener menos de ${TITLE_MAX} caracteres.`,
      'Ese día ya pasó. Elija hoy o un día posterior.',
      'Elija a una persona que participe en este programa, o a una de sus organizaciones.',
      'Elija a una persona que participe en este programa, o a una de sus organizaciones.',
      'Elija quién puede ver el compromiso.',
    ]);
  });

  it("should match the contract's English messages for a title too long and a bad link", async () => {
    const t = await translator('en');
    const created = createCommitmentRequest.safeParse({
      title: 'x'.repeat(TITLE_MAX + 1),
      source: 'manual',
      owner: { kind: 'organisation', organisationId: crypto.randomUUID() },
      dueOn: '2030-01-01',
      visibility: 'public',
    });
    const updated = commitmentUpdateRequest.safeParse({
      evidence: { text: '', links: ['ftp://example.org/file'] },
    });
    const issues = [...(created.error?.issues ?? []), ...(updated.error?.issues ?? [])];
    const contractMessages = issues.map((issue) => issue.message);
    expect(problemsOf(issues).map((problem) => commitmentFieldMessage(t, problem))).toEqual(
      contractMessages,
    );
    expect(contractMessages).toHaveLength(2);
  });

  it("should say the rules' refusals in Spanish by their code, with the due day's limit", async () => {
    const t = await translator('es');
    expect(
      commitmentFieldMessage(t, {
        field: 'status',
        code: 'finished',
        message: 'This commitment is finished; reopen it to report progress.',
      }),
    ).toBe('Este compromiso está terminado. Reábralo para informar del avance.');
    expect(
      commitmentFieldMessage(t, { field: 'dueOn', code: 'due_too_far', message: 'English' }),
    ).toBe(`Elija un día dentro de los próximos ${LATEST_DUE_YEARS} años.`);
  });

  it('should keep the words of a refusal it does not know', async () => {
    const t = await translator('es');
    expect(
      commitmentFieldMessage(t, { field: 'status', message: 'This commitment is finished.' }),
    ).toBe('This commitment is finished.');
  });
});

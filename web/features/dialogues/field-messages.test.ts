import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';
import { dialogueFieldMessage } from './field-messages.ts';

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

describe('dialogue field messages', () => {
  it("says a statement's limit in the reader's language", () => {
    const problem = { field: 'text', message: 'Too long', code: 'too_big' };
    expect(dialogueFieldMessage(t, problem)).toContain('280');
    expect(dialogueFieldMessage(tEs, problem)).toContain('280');
    expect(dialogueFieldMessage(tEs, problem)).not.toBe(dialogueFieldMessage(t, problem));
  });

  it('tells a duplicate statement from an empty one, seeds included', () => {
    const duplicate = dialogueFieldMessage(t, { field: 'text', message: '', code: 'duplicate' });
    const empty = dialogueFieldMessage(t, {
      field: 'seedStatements.2',
      message: '',
      code: 'too_small',
    });
    expect(duplicate).not.toBe(empty);
  });

  it('names the closing date when the dialogue would close before it opens', () => {
    const message = dialogueFieldMessage(t, { field: 'closesAt', message: '', code: 'custom' });
    expect(message).toBe(en.dialogues.errors.closesFirst);
    // A change is checked against the dates it keeps, on the server, under its own code.
    const changed = dialogueFieldMessage(t, {
      field: 'closesAt',
      message: '',
      code: 'closes_before_opens',
    });
    expect(changed).toBe(en.dialogues.errors.closesFirst);
  });

  it('says a closing time has passed, rather than asking for a date', () => {
    const message = dialogueFieldMessage(tEs, { field: 'closesAt', message: '', code: 'in_past' });
    expect(message).toBe(es.dialogues.errors.closesPast);
  });

  it('asks an officer-like name to change, as the circles do', () => {
    const message = dialogueFieldMessage(t, {
      field: 'displayName',
      message: '',
      code: 'police_title',
    });
    expect(message).toBe(en.forms.policeTitle);
  });

  it("shows a field it does not know in the server's words", () => {
    expect(dialogueFieldMessage(t, { field: 'other', message: 'Server words.' })).toBe(
      'Server words.',
    );
  });
});

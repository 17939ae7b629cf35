import { describe, expect, it } from 'vitest';
import { CONSENT_VERSION, consentText, consentTextOf, consentVersions } from './consent.ts';
import { giveConsentBody } from './contract.ts';
import { partyRoles } from './machine.ts';

const settings = [{ officerConduct: false }, { officerConduct: true }];

describe('the informed consent a party reads', () => {
  it('is written for every role, in English and Spanish, paragraph for paragraph', () => {
    for (const role of partyRoles) {
      for (const setting of settings) {
        const english = consentText('en', role, setting);
        const spanish = consentText('es', role, setting);
        expect(english).toMatchObject({ version: CONSENT_VERSION, language: 'en' });
        expect(spanish).toMatchObject({ version: CONSENT_VERSION, language: 'es' });
        expect(spanish.paragraphs).toHaveLength(english.paragraphs.length);
        for (const paragraph of [...english.paragraphs, ...spanish.paragraphs]) {
          expect(paragraph.trim().length, role).toBeGreaterThan(0);
        }
      }
    }
  });

  it('says what a party needs to know before signing, in English', () => {
    const text = consentText('en', 'harmed').paragraphs.join('\n');
    expect(text).toMatch(/A restorative conference is a meeting/);
    expect(text).toMatch(/Taking part is your choice/);
    expect(text).toMatch(/withdraw your consent at any time/);
    expect(text).toMatch(/The case then pauses/);
    expect(text).toMatch(/notes of your preparation meetings/);
    expect(text).toMatch(/Only the case team .* reads the notes/);
    expect(text).toMatch(/The other people in the conference see the agreement, not your notes/);
    expect(text).toMatch(/may pause or stop the conference if it is not safe/);
    expect(text).toMatch(/Typing your name below is your signature/);
  });

  it('says the same in Spanish, addressing the reader as “usted”', () => {
    const text = consentText('es', 'responsible').paragraphs.join('\n');
    expect(text).toMatch(/Una conferencia restaurativa es un encuentro/);
    expect(text).toMatch(/Participar es su decisión/);
    expect(text).toMatch(/retirar su consentimiento en cualquier momento/);
    expect(text).toMatch(/queda entonces en pausa/);
    expect(text).toMatch(/Solo el equipo del caso .* lee las notas/);
    expect(text).toMatch(/ven el acuerdo, no sus notas/);
    expect(text).toMatch(/si no es segura para alguien/);
    expect(text).toMatch(/Escribir su nombre abajo equivale a su firma/);
    for (const role of partyRoles) {
      for (const paragraph of consentText('es', role, { officerConduct: true }).paragraphs) {
        expect(paragraph).not.toMatch(/\b(tú|tu|tus|te|ti|tienes|puedes|quieres)\b/i);
        expect(paragraph.match(/¿/g)?.length ?? 0).toBe(paragraph.match(/\?/g)?.length ?? 0);
      }
    }
  });

  it('tells each role what it will be asked', () => {
    const secondParagraph = (role: (typeof partyRoles)[number]) =>
      consentText('en', role).paragraphs[1];
    expect(secondParagraph('harmed')).toMatch(/what you need for the harm to be repaired/);
    expect(secondParagraph('responsible')).toMatch(/Nothing is agreed for you/);
    expect(secondParagraph('supporter')).toMatch(/support someone/);
    expect(secondParagraph('community_rep')).toMatch(/speak for the community/);
    expect(secondParagraph('police_rep')).toMatch(/speak for the police/);
    expect(new Set(partyRoles.map(secondParagraph)).size).toBe(partyRoles.length);
  });

  it('promises, in a case about an officer’s conduct, that nothing said is used for discipline', () => {
    const firewall =
      /disciplinary staff never see any of it, and nothing said .* is used for discipline/;
    for (const role of partyRoles) {
      expect(consentText('en', role, { officerConduct: true }).paragraphs.join(' ')).toMatch(
        firewall,
      );
      expect(consentText('es', role, { officerConduct: true }).paragraphs.join(' ')).toMatch(
        /nunca ve nada de esto, y nada de lo que se diga .* con fines disciplinarios/,
      );
      expect(consentText('en', role).paragraphs.join(' ')).not.toMatch(/disciplin/);
    }
    // The police representative hears the conference, and is asked not to carry it there either.
    expect(consentText('en', 'police_rep', { officerConduct: true }).paragraphs).toContain(
      'You, too, may not pass what you hear in the conference to the disciplinary staff.',
    );
    expect(consentText('en', 'harmed', { officerConduct: true }).paragraphs.join(' ')).not.toMatch(
      /You, too/,
    );
  });
});

describe('the versions of the consent text', () => {
  it('shows the text a recorded consent was given on', () => {
    for (const version of consentVersions) {
      for (const role of partyRoles) {
        for (const language of ['en', 'es'] as const) {
          const text = consentTextOf(version, language, role);
          expect(text?.version).toBe(version);
          expect(text?.paragraphs.length, `${version} ${language} ${role}`).toBeGreaterThan(3);
        }
      }
    }
    expect(consentTextOf(CONSENT_VERSION, 'es', 'supporter', { officerConduct: true })).toEqual(
      consentText('es', 'supporter', { officerConduct: true }),
    );
  });

  it('knows no version it never had', () => {
    for (const version of ['2025-01', '', 'toString', '__proto__', 'constructor']) {
      expect(consentTextOf(version, 'en', 'harmed'), version).toBeUndefined();
    }
  });

  it('has a current version a party can sign', () => {
    expect(consentVersions).toContain(CONSENT_VERSION);
    const signed = giveConsentBody.safeParse({
      version: CONSENT_VERSION,
      language: 'es',
      signature: 'Rosa Martínez',
    });
    expect(signed.success).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Script } from './contract.ts';
import { type PartyRole, partyRoles } from './machine.ts';
import { scriptOrders } from './names.ts';
import { scriptFor, speakingOrder } from './script.ts';

const everyone: PartyRole[] = ['responsible', 'harmed', 'police_rep', 'supporter', 'community_rep'];
const speakers = (script: Script) => script.steps.map((step) => step.speaker);
const allText = (script: Script) =>
  script.steps.flatMap((step) => [step.heading, ...step.questions]);

/** Every set of roles a case may have, each with or without officer conduct. */
const cases = partyRoles
  .reduce<PartyRole[][]>((sets, role) => sets.flatMap((set) => [set, [...set, role]]), [[]])
  .flatMap((roles) => [false, true].map((officerConduct) => ({ roles, officerConduct })));

describe('the facilitator’s script', () => {
  it('lets the side the program chose speak first, then the other, then everyone else', () => {
    expect(speakers(scriptFor('harmed_first', 'en', everyone))).toEqual([
      'facilitator',
      'harmed',
      'responsible',
      'supporter',
      'community_rep',
      'police_rep',
      'facilitator',
      'facilitator',
    ]);
    expect(speakers(scriptFor('responsible_first', 'es', everyone)).slice(1, 3)).toEqual([
      'responsible',
      'harmed',
    ]);
    const script = scriptFor('responsible_first', 'en', everyone);
    expect(script.order).toBe('responsible_first');
    expect(script.steps.map((step) => step.heading)).toEqual([
      'Welcome and ground rules',
      'The person responsible',
      'The person harmed',
      'Supporters',
      'Community representatives',
      'Police representatives',
      'Repairing the harm: the agreement',
      'Closing',
    ]);
  });

  it('leaves out the roles a case does not have', () => {
    const twoParties = scriptFor('harmed_first', 'en', ['responsible', 'harmed']);
    expect(speakers(twoParties)).toEqual([
      'facilitator',
      'harmed',
      'responsible',
      'facilitator',
      'facilitator',
    ]);
    const withSupporters = scriptFor('harmed_first', 'en', [
      'harmed',
      'supporter',
      'responsible',
      'supporter',
    ]);
    expect(speakers(withSupporters).filter((speaker) => speaker === 'supporter')).toHaveLength(1);
  });

  it('gives the online room the same speaking order as the script', () => {
    for (const order of scriptOrders) {
      for (const { roles } of cases) {
        const parties = speakers(scriptFor(order, 'en', roles)).filter(
          (speaker) => speaker !== 'facilitator',
        );
        expect(speakingOrder(order, roles), `${order} ${roles.join()}`).toEqual(parties);
      }
    }
    expect(speakingOrder('responsible_first', ['harmed', 'harmed', 'responsible'])).toEqual([
      'responsible',
      'harmed',
    ]);
  });

  it('has the same steps and as many questions in English and Spanish, none of them empty', () => {
    for (const order of scriptOrders) {
      for (const { roles, officerConduct } of cases) {
        const setting = { officerConduct };
        const english = scriptFor(order, 'en', roles, setting);
        const spanish = scriptFor(order, 'es', roles, setting);
        expect(spanish.language).toBe('es');
        expect(spanish.steps.map((step) => [step.speaker, step.questions.length])).toEqual(
          english.steps.map((step) => [step.speaker, step.questions.length]),
        );
        for (const text of [...allText(english), ...allText(spanish)]) {
          expect(text.trim().length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('speaks Spanish as Restorativ does: “usted”, and every question opened with ¿', () => {
    const spanish = allText(scriptFor('harmed_first', 'es', everyone, { officerConduct: true }));
    const english = new Set(
      allText(scriptFor('harmed_first', 'en', everyone, { officerConduct: true })),
    );
    for (const text of spanish) {
      expect(text.match(/¿/g)?.length ?? 0, text).toBe(text.match(/\?/g)?.length ?? 0);
      expect(text, text).not.toMatch(/\b(tú|tu|tus|te|ti|tienes|puedes|quieres|cuéntanos)\b/i);
      expect(english.has(text), text).toBe(false);
    }
  });

  it('in a case about an officer’s conduct, sets out equal dignity and no rank in the room', () => {
    const opening = (officerConduct: boolean, language: 'en' | 'es') =>
      scriptFor('harmed_first', language, everyone, { officerConduct }).steps[0]?.questions.join(
        ' ',
      );
    expect(opening(true, 'en')).toMatch(/no rank/);
    expect(opening(true, 'en')).toMatch(/same dignity/);
    expect(opening(true, 'en')).toMatch(/Nothing said .* used for discipline/);
    expect(opening(true, 'es')).toMatch(/no hay rangos/);
    expect(opening(true, 'es')).toMatch(/fines disciplinarios/);
    expect(opening(false, 'en')).not.toMatch(/rank|discipline/);
    expect(opening(false, 'es')).not.toMatch(/rangos|disciplin/);

    const officer = scriptFor('responsible_first', 'en', everyone, { officerConduct: true });
    const responsible = officer.steps.find((step) => step.speaker === 'responsible');
    expect(responsible?.questions).toContain(
      'What do you think it meant to the person harmed that this came from a police officer?',
    );
  });

  it('opens with the ground rules and ends with the agreement and the closing', () => {
    const script = scriptFor('harmed_first', 'en', ['harmed', 'responsible']);
    const [opening] = script.steps;
    expect(opening?.questions.join(' ')).toMatch(/one person speaks at a time/);
    const [agreement, closing] = script.steps.slice(-2);
    expect(agreement?.questions.join(' ')).toMatch(/who will do it, by when/);
    expect(closing?.heading).toBe('Closing');
  });
});

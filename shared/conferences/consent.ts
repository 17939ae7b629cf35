import type { PartyView } from './contract.ts';
import type { PartyRole } from './machine.ts';

// The informed consent a party reads before signing with their typed name, in plain words. A
// recorded consent keeps the version it was given on, so every version stays here, unchanged,
// for as long as a consent may point at it: a new wording is a new version, and the old one is
// still what that person read. Each version is written whole in each language.

type Language = PartyView['consentText']['language'];
export type ConsentText = PartyView['consentText'];

/** What changes the words: whether the case is about a police officer's conduct. */
export interface ConsentSetting {
  officerConduct: boolean;
}

type Paragraphs = (role: PartyRole, setting: ConsentSetting) => string[];

const onlyIf = (condition: boolean, paragraph: string): string[] => (condition ? [paragraph] : []);

/** The wording first shown in November 2026. */
const november2026: Record<Language, Paragraphs> = {
  en: (role, { officerConduct }) => [
    'A restorative conference is a meeting, led by a trained facilitator, between the person harmed by an incident, the person responsible for it, and people who support them. Each person has a turn to say what happened and how it affected them, and together you may agree on what will be done to repair the harm.',
    {
      harmed:
        'You will be asked what happened, how it has affected you and the people close to you, and what you need for the harm to be repaired. You may bring a supporter, and you do not have to answer any question you would rather not.',
      responsible:
        'You will be asked what happened, what you were thinking then and since, and who you think has been affected. Nothing is agreed for you: any agreement is made together in the conference, and you agree only to what you can keep. You may bring a supporter.',
      supporter:
        'You are coming to support someone who takes part. You will be asked how what happened has affected you, and what you hope comes out of the conference.',
      community_rep:
        'You are coming to speak for the community. You will be asked how what happened has affected the neighbourhood, and what you hope comes out of the conference.',
      police_rep:
        'You are coming to speak for the police. You will be asked how what happened has affected the department and its relationship with the community, and what the department could offer.',
    }[role],
    'Taking part is your choice. You may withdraw your consent at any time, before or during the conference, by telling your facilitator or on this page. The case then pauses until you give your consent again or leave the case.',
    'We keep the notes of your preparation meetings and, if the conference ends in an agreement, the written agreement. Only the case team (the facilitators and the program’s coordinators) reads the notes. The other people in the conference see the agreement, not your notes.',
    ...onlyIf(
      officerConduct,
      'This case is about a police officer’s conduct. The police department’s disciplinary staff never see any of it, and nothing said in the preparation or the conference is used for discipline.',
    ),
    ...onlyIf(
      officerConduct && role === 'police_rep',
      'You, too, may not pass what you hear in the conference to the disciplinary staff.',
    ),
    'We ask everyone to keep what others say in the conference to themselves. Confidentiality has one limit: if we learn that someone is in danger of serious harm, we may have to act to protect them.',
    'The facilitator may pause or stop the conference if it is not safe for someone. You may also ask for a break, or leave, at any time.',
    'Typing your name below is your signature. It records that you have read this text, in this version, and that you agree to take part.',
  ],
  es: (role, { officerConduct }) => [
    'Una conferencia restaurativa es un encuentro, guiado por una persona facilitadora capacitada, entre la persona que sufrió un daño, la persona responsable de ese daño y quienes les acompañan. Cada persona tiene su turno para contar lo que pasó y cómo le afectó, y juntas pueden acordar qué se hará para reparar el daño.',
    {
      harmed:
        'Se le preguntará qué pasó, cómo les ha afectado a usted y a sus seres queridos, y qué necesita para que se repare el daño. Puede traer a una persona de apoyo, y no tiene que responder ninguna pregunta que prefiera no responder.',
      responsible:
        'Se le preguntará qué pasó, qué pensaba en ese momento y después, y a quién cree que afectó. Nada se acuerda por usted: cualquier acuerdo se construye en conjunto durante la conferencia, y usted solo acepta lo que pueda cumplir. Puede traer a una persona de apoyo.',
      supporter:
        'Usted viene a acompañar a alguien que participa. Se le preguntará cómo le ha afectado lo que pasó y qué espera que resulte de la conferencia.',
      community_rep:
        'Usted viene en representación de la comunidad. Se le preguntará cómo ha afectado lo que pasó al barrio y qué espera que resulte de la conferencia.',
      police_rep:
        'Usted viene en representación de la policía. Se le preguntará cómo ha afectado lo que pasó al departamento y a su relación con la comunidad, y qué podría ofrecer el departamento.',
    }[role],
    'Participar es su decisión. Puede retirar su consentimiento en cualquier momento, antes o durante la conferencia, avisando a la persona que facilita su caso o desde esta página. El caso queda entonces en pausa hasta que usted vuelva a dar su consentimiento o deje el caso.',
    'Guardamos las notas de sus reuniones de preparación y, si la conferencia termina en un acuerdo, el acuerdo escrito. Solo el equipo del caso (las personas facilitadoras y la coordinación del programa) lee las notas. Las demás personas de la conferencia ven el acuerdo, no sus notas.',
    ...onlyIf(
      officerConduct,
      'Este caso trata de la conducta de un miembro de la policía. El personal disciplinario del departamento de policía nunca ve nada de esto, y nada de lo que se diga en la preparación o en la conferencia se usa con fines disciplinarios.',
    ),
    ...onlyIf(
      officerConduct && role === 'police_rep',
      'Usted tampoco puede transmitir al personal disciplinario lo que escuche en la conferencia.',
    ),
    'Pedimos a cada persona que guarde para sí lo que las demás digan en la conferencia. La confidencialidad tiene un solo límite: si sabemos que alguien corre peligro de sufrir un daño grave, es posible que debamos actuar para protegerle.',
    'La persona facilitadora puede pausar o detener la conferencia si no es segura para alguien. Usted también puede pedir una pausa, o retirarse, en cualquier momento.',
    'Escribir su nombre abajo equivale a su firma. Deja constancia de que leyó este texto, en esta versión, y de que acepta participar.',
  ],
};

/** The version a party is asked to sign now. */
export const CONSENT_VERSION = '2026-11';

/** Every wording any consent was ever given on, by version; none is ever removed or changed. */
const versions = new Map<string, Record<Language, Paragraphs>>([[CONSENT_VERSION, november2026]]);

export const consentVersions: readonly string[] = [...versions.keys()];

const noSetting: ConsentSetting = { officerConduct: false };

/** The text a party reads now, before signing. */
export function consentText(
  language: Language,
  role: PartyRole,
  setting: ConsentSetting = noSetting,
): ConsentText {
  return { version: CONSENT_VERSION, language, paragraphs: november2026[language](role, setting) };
}

/** The text a party was shown on `version`, so a recorded consent can show what was signed. */
export function consentTextOf(
  version: string,
  language: Language,
  role: PartyRole,
  setting: ConsentSetting = noSetting,
): ConsentText | undefined {
  const text = versions.get(version);
  return text && { version, language, paragraphs: text[language](role, setting) };
}

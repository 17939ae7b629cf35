import {
  type Block,
  type EmailBase,
  type Language,
  layout,
  oneLine,
  type Template,
} from './layout.ts';

export interface ConferencePartyLinkData extends EmailBase {
  /** The facilitator who added the party, as the reader will meet them. */
  inviterName: string;
  programName: string;
  /** The party's own way into their part of the case; it carries their token, once. */
  link: string;
}

// The first word a party hears of a conference. An email can be read over a shoulder: it names
// no incident, no other party and not the reader's role, only the program, the person who will
// prepare with them, and that taking part is their choice.
function blocks(data: ConferencePartyLinkData, language: Language): Block[] {
  const inviter = oneLine(data.inviterName);
  const program = oneLine(data.programName);
  if (language === 'es') {
    return [
      { kind: 'paragraph', text: 'Hola:' },
      {
        kind: 'paragraph',
        text: `${inviter}, de «${program}», le invita a una conferencia restaurativa: un encuentro, guiado por una persona facilitadora, de las personas involucradas en lo que pasó, para hablar del daño y acordar cómo repararlo.`,
      },
      {
        kind: 'paragraph',
        text: 'Antes de nada, la persona facilitadora se reúne con usted a solas para prepararse y le explica qué significa participar. Usted decide si participa, y puede cambiar de opinión en cualquier momento.',
      },
      { kind: 'action', label: 'Abrir su parte del caso', url: data.link },
      {
        kind: 'paragraph',
        text: 'El enlace es solo para usted y sirve una vez: por favor, no lo reenvíe. Si ya se usó, pida uno nuevo a la persona facilitadora.',
      },
      {
        kind: 'note',
        text: 'Lo que usted diga durante la preparación es confidencial. Si no esperaba este correo, puede ignorarlo.',
      },
    ];
  }
  return [
    { kind: 'paragraph', text: 'Hello,' },
    {
      kind: 'paragraph',
      text: `${inviter} of “${program}” invites you to a restorative conference: a meeting of the people involved in what happened, guided by a facilitator, to talk about the harm and agree how to repair it.`,
    },
    {
      kind: 'paragraph',
      text: 'Before anything else, the facilitator meets you on your own to prepare, and explains what taking part means. You decide whether to take part, and you may change your mind at any time.',
    },
    { kind: 'action', label: 'Open your part of the case', url: data.link },
    {
      kind: 'paragraph',
      text: 'The link is meant for you only and works once, so please do not forward it. If it has been used, ask your facilitator for a new one.',
    },
    {
      kind: 'note',
      text: 'What you say while preparing is confidential. If you did not expect this email, you can ignore it.',
    },
  ];
}

export const conferencePartyLink: Template<ConferencePartyLinkData> = (data, language) =>
  layout({
    language,
    subject:
      language === 'es'
        ? `Invitación a una conferencia restaurativa: ${oneLine(data.programName)}`
        : `Invitation to a restorative conference: ${oneLine(data.programName)}`,
    preferencesUrl: data.preferencesUrl,
    blocks: blocks(data, language),
  });

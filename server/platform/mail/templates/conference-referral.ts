import type { Urgency } from '../../../../shared/conferences/names.ts';
import { type EmailBase, type Language, layout, oneLine, type Template } from './layout.ts';

export interface ConferenceReferralData extends EmailBase {
  /** The case's reference, as people say it on the phone: "RC-4K7Q2". */
  reference: string;
  urgency: Urgency;
  programName: string;
  /** The case's page, where the coordinator reads the referral once signed in. */
  link: string;
}

const urgencyWords: Record<Language, Record<Urgency, string>> = {
  en: { routine: 'routine', soon: 'soon', urgent: 'urgent' },
  es: { routine: 'ordinaria', soon: 'pronto', urgent: 'urgente' },
};

// A coordinator hears that a referral came in, and how urgent the referrer said it is. The
// referral's own words stay behind the sign-in: an email passes through mail servers and
// inboxes that the program does not control, so it carries the reference and nothing else.
export const conferenceReferral: Template<ConferenceReferralData> = (data, language) => {
  const reference = oneLine(data.reference);
  const program = oneLine(data.programName);
  const urgency = urgencyWords[language][data.urgency];
  const urgent = data.urgency === 'urgent';
  if (language === 'es') {
    return layout({
      language,
      subject: `${urgent ? 'Urgente: ' : ''}Nueva derivación ${reference}`,
      preferencesUrl: data.preferencesUrl,
      blocks: [
        {
          kind: 'paragraph',
          text: `Llegó una nueva derivación a «${program}»: el caso ${reference}, con urgencia ${urgency}.`,
        },
        { kind: 'action', label: 'Leer la derivación', url: data.link },
        {
          kind: 'note',
          text: 'Por confidencialidad, este correo no incluye lo que se contó. Léalo en Restorativ, después de iniciar sesión.',
        },
      ],
    });
  }
  return layout({
    language,
    subject: `${urgent ? 'Urgent: ' : ''}New referral ${reference}`,
    preferencesUrl: data.preferencesUrl,
    blocks: [
      {
        kind: 'paragraph',
        text: `A new referral came in to “${program}”: case ${reference}, marked ${urgency}.`,
      },
      { kind: 'action', label: 'Read the referral', url: data.link },
      {
        kind: 'note',
        text: 'To keep it confidential, this email does not say what was told. Read it on Restorativ once signed in.',
      },
    ],
  });
};

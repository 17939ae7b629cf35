import { useTranslation } from 'react-i18next';
import type { SurveyToAnswer } from '../../../shared/measurement/contract.ts';
import { contactLink } from './answers.ts';

function Contact({ contact }: { contact: string }) {
  const link = contactLink(contact);
  if (link.kind === 'text') return <span className="survey-support__contact">{contact}</span>;
  return (
    <a
      className="survey-support__contact"
      href={link.href}
      {...(link.kind === 'web' ? { target: '_blank', rel: 'noreferrer' } : {})}
    >
      {contact}
    </a>
  );
}

/** The program's support lines and the emergency number, each one tap from a phone. */
export function SupportLineList({ support }: { support: SurveyToAnswer['support'] }) {
  const { t } = useTranslation();
  return (
    <div className="survey-support__body">
      <p>{t('measurement.answer.support.intro')}</p>
      <ul className="survey-support__list">
        {support.map((line) => (
          <li key={`${line.name}-${line.contact}`} className="survey-support__line">
            <span className="survey-support__name">{line.name}</span>{' '}
            <Contact contact={line.contact} />
          </li>
        ))}
        <li className="survey-support__line">
          <span className="survey-support__name">{t('measurement.answer.support.emergency')}</span>{' '}
          <a className="survey-support__contact" href="tel:911">
            911
          </a>
        </li>
      </ul>
    </div>
  );
}

/**
 * Folded at the top of every view of a survey, whatever its state: answering may bring up
 * something hard, and help is one tap away rather than at the end of the questions.
 */
export function SurveySupport({
  support,
  open = false,
}: {
  support: SurveyToAnswer['support'];
  open?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <details className="survey-support" open={open || undefined}>
      <summary>{t('measurement.answer.support.summary')}</summary>
      <SupportLineList support={support} />
    </details>
  );
}

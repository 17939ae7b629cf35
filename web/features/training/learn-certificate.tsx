import { useTranslation } from 'react-i18next';
import {
  type BeforeAfterLinks,
  groupedCertificateCode,
  type MyCertificate,
} from '../../../shared/training/contract.ts';
import { useFormatDate } from '../../i18n/format.ts';
import { buttonClassName } from '../../ui/Button.tsx';

// What a learner holds once a course is done: the certificate to print, its public check, how
// long it is valid (renewal said plainly when due); and the course's survey links, before at the
// start and after at the end, each saying that answers are anonymous.

export const certificatePdfHref = (enrolmentId: string) =>
  `/api/me/training/${encodeURIComponent(enrolmentId)}/certificate.pdf`;

export function CertificatePanel({
  enrolmentId,
  certificate,
}: {
  enrolmentId: string;
  certificate: MyCertificate;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const until = certificate.expiresAt ? formatDate(certificate.expiresAt) : null;
  return (
    <div className="learn-certificate">
      <h3>{t('training.learnExtras.certificate.heading')}</h3>
      <p>
        {certificate.status === 'expired' && until
          ? t('training.learnExtras.certificate.expired', { date: until })
          : until
            ? t('training.learnExtras.certificate.validUntil', { date: until })
            : t('training.learnExtras.certificate.noExpiry')}
      </p>
      {certificate.renewalDue ? (
        <p className="learn-certificate__renewal">
          {t('training.learnExtras.certificate.renewal')}
        </p>
      ) : null}
      <p>
        <a className={buttonClassName('primary')} href={certificatePdfHref(enrolmentId)} download>
          {t('training.learnExtras.certificate.download')}
        </a>
      </p>
      <p className="training-muted">
        {t('training.learnExtras.certificate.check', {
          code: groupedCertificateCode(certificate.code),
        })}{' '}
        <a href={certificate.verifyUrl}>{t('training.learnExtras.certificate.checkLink')}</a>
      </p>
    </div>
  );
}

export function SurveyLink({ links, side }: { links: BeforeAfterLinks; side: 'before' | 'after' }) {
  const { t } = useTranslation();
  return (
    <aside className="learn-survey" aria-labelledby={`learn-survey-${side}`}>
      <h2 id={`learn-survey-${side}`}>{t(`training.learnExtras.survey.${side}Heading`)}</h2>
      <p>{t('training.learnExtras.survey.body')}</p>
      <p>
        <a
          className={buttonClassName('secondary')}
          href={side === 'before' ? links.beforeUrl : links.afterUrl}
        >
          {t(`training.learnExtras.survey.${side}Link`)}
        </a>
      </p>
    </aside>
  );
}

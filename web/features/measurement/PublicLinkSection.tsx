import { useTranslation } from 'react-i18next';
import type { SurveyDetail } from '../../../shared/measurement/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { posterHref } from './api.ts';

/** A pulse's public link and its QR code, and the poster to print for those who manage it. */
export function PublicLinkSection({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const url = survey.publicUrl;
  if (url === null) return null;
  return (
    <section className="measurement-section" aria-labelledby="survey-link">
      <h2 id="survey-link">{t('measurement.survey.link.heading')}</h2>
      <p>{t('measurement.survey.link.lead')}</p>
      <p className="measurement-link-value" data-testid="survey-public-link">
        {url}
      </p>
      <div className="measurement-qr">
        <QrCode value={url} label={t('measurement.survey.link.qrLabel')} />
      </div>
      <div className="measurement-actions">
        <Button
          onPress={async () => {
            try {
              await navigator.clipboard.writeText(url);
              showToast({ title: t('measurement.survey.link.copied') });
            } catch {
              showToast({ title: t('measurement.survey.link.copyFailed') });
            }
          }}
        >
          {t('measurement.survey.link.copy')}
        </Button>
      </div>
      {/* Printing is part of managing the survey; the link itself is on every poster. */}
      {survey.canManage ? (
        <ul className="measurement-links">
          <li>
            <a href={posterHref(survey.id, 'pdf')} download className="measurement-link">
              {t('measurement.survey.link.posterPdf')}
            </a>
          </li>
          <li>
            <a href={posterHref(survey.id, 'png')} download className="measurement-link">
              {t('measurement.survey.link.posterPng')}
            </a>
          </li>
        </ul>
      ) : null}
    </section>
  );
}

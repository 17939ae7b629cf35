import { useTranslation } from 'react-i18next';
import { type Phase, phases, type SurveyDetail } from '../../../shared/measurement/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { posterHref } from './api.ts';

/**
 * A survey's public links and their QR codes, and the posters to print for those who manage it:
 * a pulse has one link; a training survey has one for before the training and one for after.
 */
export function PublicLinkSection({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  if (survey.phaseUrls !== null) {
    const urls = survey.phaseUrls;
    return (
      <section className="measurement-section" aria-labelledby="survey-link">
        <h2 id="survey-link">{t('measurement.survey.link.phaseHeading')}</h2>
        <p>{t('measurement.survey.link.phaseLead')}</p>
        {phases.map((phase) => (
          <section
            key={phase}
            className="measurement-phase-link"
            aria-labelledby={`survey-link-${phase}`}
          >
            <h3 id={`survey-link-${phase}`}>{t(`measurement.survey.link.phase.${phase}`)}</h3>
            <LinkWithPoster survey={survey} url={urls[phase]} phase={phase} />
          </section>
        ))}
      </section>
    );
  }
  if (survey.publicUrl === null) return null;
  return (
    <section className="measurement-section" aria-labelledby="survey-link">
      <h2 id="survey-link">{t('measurement.survey.link.heading')}</h2>
      <p>{t('measurement.survey.link.lead')}</p>
      <LinkWithPoster survey={survey} url={survey.publicUrl} />
    </section>
  );
}

/** One link: as text, as a QR code, a button to copy it, and its poster. */
function LinkWithPoster({
  survey,
  url,
  phase,
}: {
  survey: SurveyDetail;
  url: string;
  phase?: Phase;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p
        className="measurement-link-value"
        data-testid={`survey-public-link${phase ? `-${phase}` : ''}`}
      >
        {url}
      </p>
      <div className="measurement-qr">
        <QrCode
          value={url}
          label={
            phase
              ? t(`measurement.survey.link.qrLabelPhase.${phase}`)
              : t('measurement.survey.link.qrLabel')
          }
        />
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
            <a href={posterHref(survey.id, 'pdf', phase)} download className="measurement-link">
              {t('measurement.survey.link.posterPdf')}
            </a>
          </li>
          <li>
            <a href={posterHref(survey.id, 'png', phase)} download className="measurement-link">
              {t('measurement.survey.link.posterPng')}
            </a>
          </li>
        </ul>
      ) : null}
    </>
  );
}

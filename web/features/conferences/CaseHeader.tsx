import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../shared/conferences/contract.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useHarmLabel } from './labels.ts';
import { MisconductMark, PausedMark, StageSteps, UrgencyMark } from './marks.tsx';

export interface Jump {
  id: string;
  label: string;
}

/** The case's reference and marks, its place in the workflow, and a pause said plainly. */
export function CaseHeader({ detail, jumps }: { detail: CaseDetail; jumps: readonly Jump[] }) {
  const { t } = useTranslation();
  const harmLabel = useHarmLabel();
  return (
    <header className="case-header">
      <p className="conference-eyebrow">
        <Link to={`/programs/${detail.programId}/conferences`}>
          {t('conferences.board.heading', { program: detail.programName })}
        </Link>
      </p>
      <PageHeading>{t('conferences.case.heading', { reference: detail.reference })}</PageHeading>
      <p className="case-card__harm">{harmLabel(detail.harmType, detail.harmLabel)}</p>
      <p className="case-marks">
        <UrgencyMark urgency={detail.urgency} />
        {detail.paused ? <PausedMark /> : null}
        {detail.misconduct ? <MisconductMark /> : null}
      </p>
      <StageSteps stage={detail.stage} />
      {detail.paused ? (
        <div className="case-banner" role="status">
          <p className="case-banner__title">{t('conferences.case.pausedTitle')}</p>
          <p>{t('conferences.case.paused')}</p>
        </div>
      ) : null}
      {detail.canChange ? null : <p className="case-muted">{t('conferences.case.readOnly')}</p>}
      <nav aria-label={t('conferences.case.jumpLabel')}>
        <ul className="case-jump">
          {jumps.map((jump) => (
            <li key={jump.id}>
              <a href={`#${jump.id}`}>{jump.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

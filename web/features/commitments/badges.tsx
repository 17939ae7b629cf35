import { useTranslation } from 'react-i18next';
import type { CommitmentOwner, CommitmentSummary } from '../../../shared/commitments/contract.ts';

// How a commitment's state reads at a glance: each mark is a word with an icon beside it, never
// a colour alone, so that it reads the same in any theme, printed, or to a screen reader.

function WarningIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M12 3 2 21h20L12 3z" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 10v5M12 17.5v.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
      <path
        d="M7.5 12.5l3 3 6-6.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * "Organisation, unit" or "Person (Organisation)", as staff read an owner; an officer is always
 * named as one. Residents are sent no person, so they read the organisation.
 */
export function useOwnerName(): (owner: CommitmentOwner) => string {
  const { t } = useTranslation();
  return (owner) => {
    const organisation = owner.unit
      ? t('commitments.owner.unit', { organisation: owner.organisation.name, unit: owner.unit })
      : owner.organisation.name;
    if (!owner.person) return organisation;
    const person = owner.person.name;
    return owner.person.officer
      ? t('commitments.owner.officer', { person, organisation })
      : t('commitments.owner.person', { person, organisation });
  };
}

/** Its status, and beside it "Overdue", "Verified" or "Not verified yet" when they apply. */
export function StatusMarks({
  commitment,
}: {
  commitment: Pick<CommitmentSummary, 'status' | 'overdue' | 'verifiedAt'>;
}) {
  const { t } = useTranslation();
  return (
    <span className="commitment-marks">
      <span className={`commitment-status commitment-status--${commitment.status}`}>
        {t(`commitments.statuses.${commitment.status}`)}
      </span>
      {commitment.overdue ? (
        <span className="commitment-flag commitment-flag--overdue">
          <WarningIcon />
          {t('commitments.overdue')}
        </span>
      ) : null}
      {commitment.verifiedAt ? (
        <span className="commitment-flag commitment-flag--verified">
          <CheckIcon />
          {t('commitments.verified')}
        </span>
      ) : commitment.status === 'done' ? (
        <span className="commitment-flag">{t('commitments.awaitingVerification')}</span>
      ) : null}
    </span>
  );
}

/** Progress as words, with a bar for the eye only (the words say the same). */
export function ProgressLine({ percent }: { percent: number }) {
  const { t } = useTranslation();
  return (
    <span className="commitment-progress">
      <span className="commitment-progress__bar" aria-hidden="true">
        <span className="commitment-progress__fill" data-percent={Math.round(percent / 10) * 10} />
      </span>
      {t('commitments.progress', { percent })}
    </span>
  );
}

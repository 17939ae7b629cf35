import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { YoungPerson, YouthSettingsView } from '../../../shared/youth/contract.ts';
import { ApiError } from '../../app/api.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { describeFailure } from '../../ui/useFormProblems.tsx';
import { ConfirmButton } from '../circles/ConfirmButton.tsx';
import { OnceLink } from '../conferences/OnceLink.tsx';
import { AddYoungPerson } from './add-young-person.tsx';
import {
  askGuardianAgain,
  fetchYoungPeople,
  newYouthLink,
  recordLeaving,
  youngPeopleKey,
  youthKey,
} from './api.ts';

type Standing = 'adult' | 'current' | 'none' | 'requested' | 'declined' | 'withdrawn' | 'lapsed';

/** Where a young person stands, in the words the list shows. */
function standingOf(person: YoungPerson): Standing {
  if (!person.minor) return 'adult';
  const consent = person.consent;
  if (!consent) return 'none';
  if (consent.current) return 'current';
  if (consent.lapsed) return 'lapsed';
  return consent.status === 'given' ? 'lapsed' : consent.status;
}

/** A guardian may be asked again after a no, a withdrawal or an expiry; never while one waits. */
const mayAskAgain = (standing: Standing) =>
  standing === 'declined' ||
  standing === 'withdrawn' ||
  standing === 'lapsed' ||
  standing === 'none';

const badgeOf: Record<Standing, string> = {
  adult: 'badge badge--sage',
  current: 'badge badge--sage',
  none: 'badge badge--accent',
  requested: 'badge',
  declined: 'badge badge--accent',
  withdrawn: 'badge badge--accent',
  lapsed: 'badge badge--accent',
};

function refusal(t: TFunction, error: unknown): string {
  if (
    error instanceof ApiError &&
    error.fieldProblems.some((problem) => problem.code === 'already_requested')
  ) {
    return t('youth.program.errors.alreadyRequested');
  }
  return describeFailure(t, error, {}).message ?? t('forms.failed');
}

function YoungPersonCard({
  programId,
  person,
  mayManage,
}: {
  programId: string;
  person: YoungPerson;
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  const standing = standingOf(person);
  const name = person.displayName;
  const renewing = useMutation({
    mutationFn: () => newYouthLink(person.id),
    onSuccess: ({ youthLink }) => {
      setProblem('');
      setLink(youthLink);
    },
    onError: (error) => setProblem(refusal(t, error)),
  });
  const asking = useMutation({
    mutationFn: () => askGuardianAgain(person.id),
    onSuccess: () => {
      setProblem('');
      showToast({ title: t('youth.program.people.askedAgain', { name }) });
      void queryClient.invalidateQueries({ queryKey: youthKey(programId) });
    },
    onError: (error) => setProblem(refusal(t, error)),
  });
  const leaving = useMutation({
    mutationFn: () => recordLeaving(person.id),
    onSuccess: () => {
      setProblem('');
      void queryClient.invalidateQueries({ queryKey: youthKey(programId) });
    },
    onError: (error) => setProblem(refusal(t, error)),
  });
  const formatDate = useFormatDate();
  if (person.leftAt) {
    return (
      <li className="youth-card youth-card--waiting">
        <h3 className="youth-card__name">{name}</h3>
        <p>{t('youth.program.people.left', { on: formatDate(person.leftAt) })}</p>
      </li>
    );
  }
  return (
    <li className={person.mayTakePart ? 'youth-card' : 'youth-card youth-card--waiting'}>
      <h3 className="youth-card__name">{name}</h3>
      <dl className="youth-facts">
        <div>
          <dt>{t('youth.program.people.ageBand')}</dt>
          <dd>{t(`youth.program.bands.${person.ageBand}`)}</dd>
        </div>
        <div>
          <dt>{t('youth.program.people.guardian')}</dt>
          <dd>{person.guardianName ?? t('youth.program.people.noGuardian')}</dd>
        </div>
        <div>
          <dt>{t('youth.program.people.status')}</dt>
          <dd>
            <span className={badgeOf[standing]}>{t(`youth.program.statuses.${standing}`)}</span>
          </dd>
        </div>
      </dl>
      {link ? (
        <OnceLink
          heading={t('youth.program.people.newLinkHeading', { name })}
          url={link}
          onDone={() => setLink(null)}
        >
          <p>{t('youth.program.people.newLinkBody', { name })}</p>
        </OnceLink>
      ) : null}
      {mayManage ? (
        <div className="youth-card__actions">
          <Button
            variant="secondary"
            aria-label={t('youth.program.people.newLinkFor', { name })}
            isBusy={renewing.isPending}
            onPress={() => {
              if (!renewing.isPending) renewing.mutate();
            }}
          >
            {t('youth.program.people.newLink')}
          </Button>
          {mayAskAgain(standing) ? (
            <Button
              variant="secondary"
              aria-label={t('youth.program.people.askAgainFor', { name })}
              isBusy={asking.isPending}
              onPress={() => {
                if (!asking.isPending) asking.mutate();
              }}
            >
              {t('youth.program.people.askAgain')}
            </Button>
          ) : null}
          <ConfirmButton
            label={t('youth.program.people.leave')}
            ariaLabel={t('youth.program.people.leaveFor', { name })}
            title={t('youth.program.people.leaveTitle', { name })}
            body={t('youth.program.people.leaveBody', { name })}
            confirm={t('youth.program.people.leaveConfirm')}
            cancel={t('youth.program.people.leaveCancel')}
            onConfirm={() => leaving.mutate()}
          />
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="youth-problem">
          {problem}
        </p>
      ) : null}
    </li>
  );
}

/** The young people of a youth program, and the form that adds one. */
export function YoungPeopleSection({
  programId,
  settings,
  mayManage,
}: {
  programId: string;
  settings: YouthSettingsView;
  /** Coordinators and admins add young people and renew links; facilitators only read. */
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const youngPeople = useQuery({
    queryKey: youngPeopleKey(programId),
    queryFn: ({ signal }) => fetchYoungPeople(programId, signal),
    retry: retryUnlessRefused,
  });
  return (
    <section className="youth-section" aria-labelledby="youth-people-heading">
      <h2 id="youth-people-heading">{t('youth.program.people.heading')}</h2>
      {youngPeople.isPending ? <p>{t('app.loading')}</p> : null}
      {youngPeople.isError ? (
        <LoadProblem
          failed={t('youth.program.people.loadFailed')}
          error={youngPeople.error}
          refused={t('youth.program.notAllowed')}
          onRetry={() => void youngPeople.refetch()}
        />
      ) : null}
      {youngPeople.data?.length === 0 ? <p>{t('youth.program.people.none')}</p> : null}
      {youngPeople.data && youngPeople.data.length > 0 ? (
        <ul className="youth-list">
          {youngPeople.data.map((person) => (
            <YoungPersonCard
              key={person.id}
              programId={programId}
              person={person}
              mayManage={mayManage}
            />
          ))}
        </ul>
      ) : null}
      {mayManage ? <AddYoungPerson programId={programId} settings={settings} /> : null}
    </section>
  );
}

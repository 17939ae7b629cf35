import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PartyView } from '../../../shared/conferences/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDateTime, useFormatDay } from '../../i18n/format.ts';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { fetchMyPart, myPartKey } from './api.ts';
import { ConsentPanel } from './ConsentPanel.tsx';
import { PartyItems } from './PartyItems.tsx';
import '../../app/status-page.css';
import '../../ui/button.css';
import '../../ui/form.css';
import './conferences.css';

/** When and where the conference meets, or that a time is still to be agreed. */
function Meeting({ view }: { view: PartyView }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const { conference } = view;
  return (
    <section className="party-card" aria-labelledby="my-meeting">
      <h2 id="my-meeting">{t('conferences.myPart.meeting.heading')}</h2>
      {conference ? (
        <dl className="case-facts case-facts--compact">
          <div>
            <dt>{t('conferences.myPart.meeting.when')}</dt>
            <dd>{formatDateTime(conference.startsAt)}</dd>
          </div>
          <div>
            <dt>{t('conferences.myPart.meeting.where')}</dt>
            <dd>
              {conference.mode === 'online'
                ? t('conferences.myPart.meeting.online')
                : conference.place}
            </dd>
          </div>
        </dl>
      ) : (
        <p>{t('conferences.myPart.meeting.notYet')}</p>
      )}
      {conference?.circleId ? (
        <p>
          <Link className="button button--primary" to={`/circles/${conference.circleId}`}>
            {t('conferences.myPart.meeting.room')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function Preparation({ view }: { view: PartyView }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  return (
    <section className="party-card" aria-labelledby="my-preparation">
      <h2 id="my-preparation">{t('conferences.myPart.preparation.heading')}</h2>
      {view.preparation.length === 0 ? (
        <p>{t('conferences.myPart.preparation.none')}</p>
      ) : (
        <ul className="record-list">
          {view.preparation.map((record) => (
            <li key={record.id} className="record-card">
              {record.heldOn ? (
                <p className="record-card__meta">
                  {t('conferences.myPart.preparation.heldOn', { date: formatDay(record.heldOn) })}
                </p>
              ) : null}
              <p className="conference-words">{record.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * /conferences/:id/my-part: a party's own page, made for a phone: their role, the meeting, their
 * consent (and the way to withdraw it), their preparation, and the agreement once there is one.
 */
export function MyPartPage() {
  const { t } = useTranslation();
  const { conferenceId = '' } = useParams();
  useSignedIn();
  useDocumentTitle(t('conferences.myPart.title'));
  const query = useQuery({
    queryKey: myPartKey(conferenceId),
    queryFn: ({ signal }) => fetchMyPart(conferenceId, signal),
    retry: retryUnlessRefused,
  });
  if (query.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (query.isError) {
    return (
      <div className="status-page">
        <PageHeading>{t('conferences.myPart.title')}</PageHeading>
        <LoadProblem
          failed={t('conferences.loadFailed')}
          error={query.error}
          refused={t('conferences.myPart.notFound')}
          onRetry={() => void query.refetch()}
        />
        <Link to="/conferences/mine">{t('conferences.mine.backLink')}</Link>
      </div>
    );
  }
  const view = query.data;
  return (
    <div className="party-page">
      <p className="conference-eyebrow">{view.programName}</p>
      <PageHeading>{t('conferences.myPart.heading')}</PageHeading>
      <p className="form-page__lead">
        {t('conferences.myPart.role', { role: t(`conferences.roleAs.${view.role}`) })}
      </p>
      <p className="case-muted">
        {t('conferences.myPart.reference', { reference: view.reference })} ·{' '}
        {t(`conferences.partyStages.${view.stage}`)}
      </p>
      {view.paused ? (
        <p className="case-banner" role="status">
          {t('conferences.myPart.paused')}
        </p>
      ) : null}
      <Meeting view={view} />
      <ConsentPanel view={view} />
      <Preparation view={view} />
      {view.items.length > 0 ? <PartyItems view={view} /> : null}
      <p className="party-page__back">
        <Link to="/conferences/mine">{t('conferences.mine.backLink')}</Link>
      </p>
    </div>
  );
}

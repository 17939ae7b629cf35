import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CircleDetail } from '../../../shared/circles/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { languages } from '../../i18n/languages.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { Dialog, DialogTrigger } from '../../ui/Dialog.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import {
  calendarHref,
  cancelCircle,
  circleKey,
  circlePeopleKey,
  circlesKey,
  fetchCircle,
  fetchCirclePeople,
} from './api.ts';
import { CircleStatusMark } from './CircleList.tsx';
import { useFormatCircleTime, useFormatMinutes } from './format.ts';
import { InviteSection } from './InviteSection.tsx';
import { JoinLinkSection } from './JoinLinkSection.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './circles.css';

function Facts({ circle }: { circle: CircleDetail }) {
  const { t } = useTranslation();
  const formatTime = useFormatCircleTime();
  const formatMinutes = useFormatMinutes();
  const language = languages.find((each) => each.code === circle.language);
  return (
    <dl className="circle-facts">
      <div>
        <dt>{t('circles.facts.status')}</dt>
        <dd>
          <CircleStatusMark status={circle.status} />
        </dd>
      </div>
      <div>
        <dt>{t('circles.facts.when')}</dt>
        <dd>{formatTime(circle.startsAt, circle.timeZone)}</dd>
      </div>
      <div>
        <dt>{t('circles.facts.length')}</dt>
        <dd>{formatMinutes(circle.durationMinutes)}</dd>
      </div>
      <div>
        <dt>{t('circles.facts.keeper')}</dt>
        <dd>{circle.keeper.name}</dd>
      </div>
      {circle.coKeeper ? (
        <div>
          <dt>{t('circles.facts.coKeeper')}</dt>
          <dd>{circle.coKeeper.name}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('circles.facts.language')}</dt>
        <dd lang={circle.language}>{language?.name ?? circle.language}</dd>
      </div>
      {circle.series ? (
        <div>
          <dt>{t('circles.facts.series')}</dt>
          <dd>
            {t('circles.facts.seriesPosition', {
              position: circle.series.position,
              count: circle.series.count,
            })}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('circles.facts.seats')}</dt>
        <dd>{t('circles.facts.seatsTaken', { seats: circle.seats, capacity: circle.capacity })}</dd>
      </div>
      {/* A conference's room belongs to its case, not among the program's circles. */}
      {circle.conference ? null : (
        <div>
          <dt>{t('circles.facts.program')}</dt>
          <dd>
            <Link to={`/programs/${circle.programId}/circles`}>
              {t('circles.detail.programLink', { program: circle.programName })}
            </Link>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The way in: to the room (through the page before joining, for someone not seated yet). */
function NextStep({ circle }: { circle: CircleDetail }) {
  const { t } = useTranslation();
  const open = circle.status === 'scheduled' || circle.status === 'live';
  return (
    <div className="circles-page__actions">
      {open && circle.participantId ? (
        <Link to={`/circles/${circle.id}/room`} className={buttonClassName('primary')}>
          {circle.status === 'live' ? t('circles.detail.toRoomLive') : t('circles.detail.toRoom')}
        </Link>
      ) : null}
      {open && !circle.participantId && circle.can.join ? (
        <Link to={`/circles/${circle.id}/join`} className={buttonClassName('primary')}>
          {t('circles.detail.join')}
        </Link>
      ) : null}
      {circle.status === 'closed' && (circle.can.harvest || circle.participantId) ? (
        <Link to={`/circles/${circle.id}/harvest`} className={buttonClassName('primary')}>
          {t('circles.detail.harvest')}
        </Link>
      ) : null}
      {open ? (
        <a href={calendarHref(circle.id)} download className="circles-page__link">
          {t('circles.detail.calendar')}
        </a>
      ) : null}
    </div>
  );
}

function CancelCircle({ circle }: { circle: CircleDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const problems = useFormProblems({});
  const mutation = useMutation({ mutationFn: () => cancelCircle(circle.id) });
  return (
    <section className="circle-section" aria-labelledby="circle-cancel-heading">
      <h2 id="circle-cancel-heading">{t('circles.detail.cancel.heading')}</h2>
      <p>{t('circles.detail.cancel.lead')}</p>
      {problems.summary}
      <DialogTrigger>
        <Button variant="danger">{t('circles.detail.cancel.open')}</Button>
        <Dialog title={t('circles.detail.cancel.title')}>
          {(close) => (
            <>
              <p>{t('circles.detail.cancel.body')}</p>
              <div className="form-actions">
                <Button
                  variant="danger"
                  isBusy={mutation.isPending}
                  onPress={() => {
                    if (mutation.isPending) return;
                    mutation.mutate(undefined, {
                      onSuccess: () => {
                        close();
                        showToast({ title: t('circles.detail.cancel.done') });
                        void queryClient.invalidateQueries({ queryKey: circlesKey });
                      },
                      onError: (error) => {
                        close();
                        problems.showFailure(error);
                      },
                    });
                  }}
                >
                  {t('circles.detail.cancel.confirm')}
                </Button>
                <Button variant="quiet" onPress={close}>
                  {t('circles.detail.keep')}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </DialogTrigger>
    </section>
  );
}

/** /circles/:circleId: a circle's details, the way into its room, and its keepers' tools. */
export function CirclePage() {
  const { t } = useTranslation();
  const { circleId = '' } = useParams();
  useSignedIn();
  const query = useQuery({
    queryKey: circleKey(circleId),
    queryFn: ({ signal }) => fetchCircle(circleId, signal),
    retry: retryUnlessRefused,
  });
  const manage = query.data?.can.manage === true;
  const programId = query.data?.programId ?? '';
  const people = useQuery({
    queryKey: circlePeopleKey(programId),
    queryFn: ({ signal }) => fetchCirclePeople(programId, signal),
    retry: retryUnlessRefused,
    enabled: manage && !query.data?.conference && query.data?.status === 'scheduled',
  });
  useDocumentTitle(query.data?.purpose ?? t('circles.detail.title'));

  if (query.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (query.isError) {
    return (
      <div className="status-page">
        <PageHeading>{t('circles.detail.title')}</PageHeading>
        <LoadProblem
          failed={t('circles.loadFailed')}
          error={query.error}
          refused={t('circles.detail.notFound')}
          onRetry={() => void query.refetch()}
        />
        <Link to="/circles">{t('circles.mine.heading')}</Link>
      </div>
    );
  }
  const circle = query.data;
  // A conference's room is planned on its case: who comes, when, and whether it meets.
  const plans = manage && !circle.conference;
  return (
    <div className="circle-page">
      <p className="circle-page__eyebrow">{t('circles.detail.eyebrow')}</p>
      <PageHeading>{circle.purpose}</PageHeading>
      {circle.status === 'cancelled' ? (
        <p className="circle-notice">{t('circles.detail.cancelledNote')}</p>
      ) : null}
      {circle.conference ? (
        <p className="circle-notice">{t('circles.detail.conferenceNote')}</p>
      ) : null}
      <NextStep circle={circle} />
      <Facts circle={circle} />
      {plans && circle.status === 'scheduled' ? (
        <>
          <InviteSection circle={circle} people={people.data} />
          <JoinLinkSection circle={circle} />
          <CancelCircle circle={circle} />
        </>
      ) : null}
      {plans && circle.status === 'live' ? <JoinLinkSection circle={circle} /> : null}
    </div>
  );
}

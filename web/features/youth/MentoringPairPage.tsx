import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PairDetail } from '../../../shared/youth/mentoring-contract.ts';
import { MENTORING_MESSAGE_MAX } from '../../../shared/youth/mentoring-contract.ts';
import { ApiError } from '../../app/api.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchPair, logMeeting, pairKey, sendMessage } from './mentoring-api.ts';
import { MeetingList, MessageList } from './mentoring-lists.tsx';
import '../../app/status-page.css';
import '../../ui/form.css';
import './youth-pages.css';

// /mentoring/:pairId: a mentor and a young person write to each other, in the open: the page
// says first who else reads every word. Meetings are logged below, with who was present.

function ReadAlong({ detail }: { detail: PairDetail }) {
  const { t } = useTranslation();
  const { pair } = detail;
  const names = pair.readAlongBy.join(', ');
  return (
    <p className="young-status young-status--ready" data-testid="read-along">
      {pair.guardianReads
        ? t('youthMentoring.pair.readAlongWithGuardian', { names, young: pair.youngPerson.name })
        : t('youthMentoring.pair.readAlong', { names })}
    </p>
  );
}

function Composer({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const problems = useFormProblems({ body: 'mentoring-message' });
  const send = useMutation({
    mutationFn: () => sendMessage(pairId, text),
    onSuccess: (detail) => {
      queryClient.setQueryData(pairKey(pairId), detail);
      setText('');
      problems.clear();
    },
    onError: (error) =>
      problems.showFailure(error, {
        fieldMessage: () => t('youthMentoring.pair.writeFirst'),
        statusMessage: (refused) =>
          refused.problem?.code === 'alone_with_minor'
            ? t('youthMentoring.pair.aloneWithMinor')
            : refused.problem?.code === 'needs_consent'
              ? t('youthMentoring.pair.needsConsent')
              : undefined,
      }),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (send.isPending) return;
    if (!text.trim()) {
      problems.show({ body: t('youthMentoring.pair.writeFirst') });
      return;
    }
    send.mutate();
  }
  return (
    <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
      {problems.summary}
      <TextField
        id="mentoring-message"
        label={t('youthMentoring.pair.yourMessage')}
        multiline
        value={text}
        onChange={setText}
        maxLength={MENTORING_MESSAGE_MAX}
        errorMessage={problems.error('body')}
      />
      <div className="young-actions">
        <Button type="submit" isBusy={send.isPending}>
          {t('youthMentoring.pair.send')}
        </Button>
      </div>
    </Form>
  );
}

/** A datetime-local field's value for now, in the reader's own clock. */
function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

function LogMeeting({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [metAt, setMetAt] = useState(localNow);
  const [place, setPlace] = useState('');
  const [present, setPresent] = useState('');
  const problems = useFormProblems({
    metAt: 'meeting-when',
    place: 'meeting-place',
    present: 'meeting-present',
  });
  const log = useMutation({
    mutationFn: () =>
      logMeeting(pairId, {
        metAt: new Date(metAt).toISOString(),
        place,
        present: present
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      }),
    onSuccess: (detail) => {
      queryClient.setQueryData(pairKey(pairId), detail);
      setPlace('');
      setPresent('');
      problems.clear();
    },
    onError: (error) =>
      problems.showFailure(error, {
        fieldMessage: (field, problem) =>
          problem.code === 'two_adults'
            ? t('youthMentoring.meetings.twoAdults')
            : t(`youthMentoring.meetings.bad.${field}`),
      }),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!log.isPending) log.mutate();
  }
  return (
    <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
      <h3>{t('youthMentoring.meetings.logHeading')}</h3>
      {problems.summary}
      <TextField
        id="meeting-when"
        label={t('youthMentoring.meetings.when')}
        type="datetime-local"
        value={metAt}
        onChange={setMetAt}
        errorMessage={problems.error('metAt')}
      />
      <TextField
        id="meeting-place"
        label={t('youthMentoring.meetings.place')}
        description={t('youthMentoring.meetings.placeHelp')}
        value={place}
        onChange={setPlace}
        errorMessage={problems.error('place')}
      />
      <TextField
        id="meeting-present"
        label={t('youthMentoring.meetings.present')}
        description={t('youthMentoring.meetings.presentHelp')}
        value={present}
        onChange={setPresent}
        errorMessage={problems.error('present')}
      />
      <div className="young-actions">
        <Button type="submit" isBusy={log.isPending}>
          {t('youthMentoring.meetings.log')}
        </Button>
      </div>
    </Form>
  );
}

function Meetings({ detail }: { detail: PairDetail }) {
  const { t } = useTranslation();
  return (
    <section className="young-card" aria-labelledby="mentoring-meetings">
      <h2 id="mentoring-meetings">{t('youthMentoring.meetings.heading')}</h2>
      <MeetingList meetings={detail.meetings} />
      {detail.mayLogMeetings ? <LogMeeting pairId={detail.pair.id} /> : null}
    </section>
  );
}

export function MentoringPairPage() {
  const { t } = useTranslation();
  const { pairId = '' } = useParams();
  useSignedIn();
  const pair = useQuery({
    queryKey: pairKey(pairId),
    queryFn: ({ signal }) => fetchPair(pairId, signal),
    retry: retryUnlessRefused,
  });
  useDocumentTitle(t('youthMentoring.pair.title'));
  if (pair.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (pair.isError) {
    const needsConsent =
      pair.error instanceof ApiError && pair.error.problem?.code === 'needs_consent';
    return (
      <div className="status-page">
        <PageHeading>{t('youthMentoring.pair.title')}</PageHeading>
        <LoadProblem
          error={pair.error}
          refused={
            needsConsent ? t('youthMentoring.pair.needsConsent') : t('youthMentoring.pair.notFound')
          }
          failed={t('youthMentoring.pair.failed')}
          onRetry={() => void pair.refetch()}
        />
      </div>
    );
  }
  const detail = pair.data;
  return (
    <div className="young-page">
      <PageHeading focusOnMount>
        {t('youthMentoring.pair.heading', {
          mentor: detail.pair.mentor.name,
          young: detail.pair.youngPerson.name,
        })}
      </PageHeading>
      <p className="young-lead">{detail.pair.programName}</p>
      <ReadAlong detail={detail} />
      <section className="young-card" aria-labelledby="mentoring-messages">
        <h2 id="mentoring-messages">{t('youthMentoring.pair.messages')}</h2>
        <MessageList messages={detail.messages} />
        {detail.mayWrite ? <Composer pairId={pairId} /> : null}
      </section>
      <Meetings detail={detail} />
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AttendanceRow, YouthEventDetail } from '../../../shared/youth/events-contract.ts';
import { ApiError } from '../../app/api.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useSignedIn } from '../../app/useSignedIn.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { eventKey, fetchEvent, programEventsKey, recordAttendance } from './events-api.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './events.css';
import './youth.css';

// /youth-events/:eventId: the program's staff record who came, one box per young person who may
// take part. Those who may not yet are listed apart, with why, so no one wonders where they went.

const presentIn = (rows: AttendanceRow[]) =>
  new Set(rows.filter((row) => row.attendance === 'present').map((row) => row.youngPersonId));

function AttendanceForm({ detail }: { detail: YouthEventDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const eventId = detail.event.id;
  const ready = detail.attendance.filter((row) => row.mayTakePart);
  const [present, setPresent] = useState(() => presentIn(detail.attendance));
  const [saved, setSaved] = useState<number | null>(null);
  const problems = useFormProblems<'attendance'>({ attendance: 'attendance-boxes' });
  const save = useMutation({
    mutationFn: () =>
      recordAttendance(eventId, {
        attendance: ready.map((row) => ({
          youngPersonId: row.youngPersonId,
          present: present.has(row.youngPersonId),
        })),
      }),
    onSuccess: async (updated) => {
      problems.clear();
      queryClient.setQueryData(eventKey(eventId), updated);
      setSaved(updated.event.presentCount);
      await queryClient.invalidateQueries({
        queryKey: programEventsKey(updated.event.programId),
      });
    },
    onError: async (error) => {
      setSaved(null);
      const needsConsent =
        error instanceof ApiError &&
        error.fieldProblems.some((problem) => problem.code === 'needs_consent');
      problems.showFailure(error, {
        statusMessage: () => (needsConsent ? t('youthEvents.event.needsConsent') : undefined),
      });
      // Someone's consent changed since the page loaded: show the list as it stands now.
      if (needsConsent) await queryClient.invalidateQueries({ queryKey: eventKey(eventId) });
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  }
  const toggle = (youngPersonId: string, came: boolean) =>
    setPresent((before) => {
      const after = new Set(before);
      if (came) after.add(youngPersonId);
      else after.delete(youngPersonId);
      return after;
    });
  if (ready.length === 0) return <p>{t('youthEvents.event.nobody')}</p>;
  return (
    <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
      <p>{t('youthEvents.event.attendanceLead')}</p>
      {problems.summary}
      <div id="attendance-boxes" className="youth-attendance">
        {ready.map((row) => (
          <Checkbox
            key={row.youngPersonId}
            isSelected={present.has(row.youngPersonId)}
            onChange={(came) => toggle(row.youngPersonId, came)}
          >
            {t('youthEvents.event.person', {
              name: row.displayName,
              mark: t(`youthEvents.event.marks.${row.attendance}`),
            })}
          </Checkbox>
        ))}
      </div>
      {saved !== null ? (
        <p className="youth-muted" role="status">
          {t('youthEvents.event.saved', { count: saved })}
        </p>
      ) : null}
      <div className="form-actions">
        <Button type="submit" isBusy={save.isPending}>
          {t('youthEvents.event.save')}
        </Button>
      </div>
    </Form>
  );
}

/** Who cannot be recorded yet, and why, in plain words. */
function NotYet({ rows }: { rows: AttendanceRow[] }) {
  const { t } = useTranslation();
  const waiting = rows.filter((row) => !row.mayTakePart);
  if (waiting.length === 0) return null;
  return (
    <section className="youth-warning" aria-labelledby="event-not-yet">
      <h3 id="event-not-yet" className="youth-warning__heading">
        {t('youthEvents.event.notYetHeading')}
      </h3>
      <p>{t('youthEvents.event.notYetLead')}</p>
      <ul>
        {waiting.map((row) => (
          <li key={row.youngPersonId}>
            {t(`youthEvents.event.notYet.${row.notYetBecause ?? 'none'}`, {
              name: row.displayName,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function YouthEventPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  useSignedIn();
  const formatDateTime = useFormatDateTime();
  const event = useQuery({
    queryKey: eventKey(eventId),
    queryFn: ({ signal }) => fetchEvent(eventId, signal),
    retry: retryUnlessRefused,
  });
  useDocumentTitle(event.data?.event.title ?? t('youthEvents.event.title'));
  if (event.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (event.isError) {
    return (
      <div className="status-page">
        <PageHeading>{t('youthEvents.event.title')}</PageHeading>
        <LoadProblem
          error={event.error}
          refused={t('youthEvents.event.notFound')}
          failed={t('youthEvents.event.failed')}
          onRetry={() => void event.refetch()}
        />
      </div>
    );
  }
  const detail = event.data;
  return (
    <div className="youth-page">
      <PageHeading focusOnMount>{detail.event.title}</PageHeading>
      <p className="form-page__lead">
        {t('youthEvents.event.when', {
          when: formatDateTime(detail.event.startsAt),
          place: detail.event.place,
        })}
      </p>
      <p>
        <Link to={`/programs/${detail.event.programId}/youth`}>
          {t('youthEvents.event.back', { program: detail.programName })}
        </Link>
      </p>
      <section className="youth-section" aria-labelledby="event-attendance">
        <h2 id="event-attendance">{t('youthEvents.event.attendanceHeading')}</h2>
        <AttendanceForm key={detail.event.id} detail={detail} />
        <NotYet rows={detail.attendance} />
      </section>
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  EVENT_PLACE_MAX,
  EVENT_TITLE_MAX,
  type YouthEventSummary,
} from '../../../shared/youth/events-contract.ts';
import type { FieldProblem } from '../../app/api.ts';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useFormatDateTime } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchProgramEvents, planEvent, programEventsKey } from './events-api.ts';
import './events.css';

// The program's events on its page: each links to its attendance page; a coordinator plans new
// ones here. A bad field is said beside it, and nothing typed is lost.

type EventField = 'title' | 'startsAt' | 'place';

/** A datetime-local field's value a week from now at the hour, in the reader's own clock. */
function localNextWeek(): string {
  const at = new Date(Date.now() + 7 * 86_400_000);
  at.setMinutes(0, 0, 0);
  at.setMinutes(at.getMinutes() - at.getTimezoneOffset());
  return at.toISOString().slice(0, 16);
}

function eventFieldMessage(t: TFunction, field: EventField, problem: FieldProblem): string {
  const tooBig = problem.code === 'too_big';
  if (field === 'title')
    return t(tooBig ? 'youthEvents.section.bad.titleLong' : 'youthEvents.section.bad.title');
  if (field === 'place')
    return t(tooBig ? 'youthEvents.section.bad.placeLong' : 'youthEvents.section.bad.place');
  return t('youthEvents.section.bad.startsAt');
}

function PlanEvent({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState(localNextWeek);
  const [place, setPlace] = useState('');
  const [planned, setPlanned] = useState<string | null>(null);
  const problems = useFormProblems<EventField>({
    title: 'event-title',
    startsAt: 'event-starts',
    place: 'event-place',
  });
  const plan = useMutation({
    mutationFn: (when: string) => planEvent(programId, { title, startsAt: when, place }),
    onSuccess: async (event) => {
      problems.clear();
      setPlanned(event.title);
      setTitle('');
      setPlace('');
      await queryClient.invalidateQueries({ queryKey: programEventsKey(programId) });
    },
    onError: (error) => {
      setPlanned(null);
      problems.showFailure(error, {
        fieldMessage: (field, problem) => eventFieldMessage(t, field, problem),
      });
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (plan.isPending) return;
    const when = new Date(startsAt);
    if (Number.isNaN(when.getTime())) {
      problems.show({ startsAt: t('youthEvents.section.bad.startsAt') });
      return;
    }
    plan.mutate(when.toISOString());
  }
  return (
    <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
      <h3>{t('youthEvents.section.planHeading')}</h3>
      {problems.summary}
      {planned ? (
        <p className="youth-muted" role="status">
          {t('youthEvents.section.planned', { title: planned })}
        </p>
      ) : null}
      <TextField
        id="event-title"
        label={t('youthEvents.section.title')}
        description={t('youthEvents.section.titleHelp')}
        value={title}
        onChange={setTitle}
        maxLength={EVENT_TITLE_MAX}
        errorMessage={problems.error('title')}
      />
      <TextField
        id="event-starts"
        label={t('youthEvents.section.startsAt')}
        type="datetime-local"
        value={startsAt}
        onChange={setStartsAt}
        errorMessage={problems.error('startsAt')}
      />
      <TextField
        id="event-place"
        label={t('youthEvents.section.place')}
        description={t('youthEvents.section.placeHelp')}
        value={place}
        onChange={setPlace}
        maxLength={EVENT_PLACE_MAX}
        errorMessage={problems.error('place')}
      />
      <div className="form-actions">
        <Button type="submit" isBusy={plan.isPending}>
          {t('youthEvents.section.plan')}
        </Button>
      </div>
    </Form>
  );
}

function EventItem({ event }: { event: YouthEventSummary }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <li>
      <Link to={`/youth-events/${event.id}`}>{event.title}</Link>
      <span className="youth-muted youth-event-facts">
        {t('youthEvents.section.item', {
          when: formatDateTime(event.startsAt),
          place: event.place,
        })}
        {event.presentCount > 0
          ? ` · ${t('youthEvents.section.came', { count: event.presentCount })}`
          : null}
      </span>
    </li>
  );
}

export function EventsSection({ programId, mayManage }: { programId: string; mayManage: boolean }) {
  const { t } = useTranslation();
  const events = useQuery({
    queryKey: programEventsKey(programId),
    queryFn: ({ signal }) => fetchProgramEvents(programId, signal),
    retry: retryUnlessRefused,
  });
  return (
    <section className="youth-section" aria-labelledby="youth-events-heading">
      <h2 id="youth-events-heading">{t('youthEvents.section.heading')}</h2>
      <p>{t('youthEvents.section.lead')}</p>
      {events.data && events.data.length > 0 ? (
        <ul className="youth-list">
          {events.data.map((event) => (
            <EventItem key={event.id} event={event} />
          ))}
        </ul>
      ) : (
        <p>{t('youthEvents.section.none')}</p>
      )}
      {mayManage ? <PlanEvent programId={programId} /> : null}
    </section>
  );
}

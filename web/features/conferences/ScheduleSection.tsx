import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail, ScheduleBody } from '../../../shared/conferences/contract.ts';
import type { CaseCommandType } from '../../../shared/conferences/machine.ts';
import { useFormatDateTime } from '../../i18n/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { calendarHref, scheduleConference } from './api.ts';
import { instantFrom, localFrom } from './days.ts';
import { offers } from './offers.ts';
import { StepButton } from './StepButton.tsx';
import { useCaseChange, useFailureOptions } from './useCaseChange.ts';

const fieldIds = { startsAt: 'schedule-when', mode: 'schedule-mode', place: 'schedule-place' };
type Field = keyof typeof fieldIds;
type Mode = ScheduleBody['mode'];

function ScheduleForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [when, setWhen] = useState(detail.conference ? localFrom(detail.conference.startsAt) : '');
  const [mode, setMode] = useState<Mode | null>(detail.conference?.mode ?? null);
  const [place, setPlace] = useState(detail.conference?.place ?? '');
  const problems = useFormProblems<Field>(fieldIds);
  const failure = useFailureOptions<Field>();
  const mutation = useCaseChange(
    (body: ScheduleBody) => scheduleConference(detail.id, body),
    t('conferences.schedule.saved'),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const body = {
      startsAt: instantFrom(when),
      mode: mode ?? undefined,
      place: mode === 'online' ? '' : place,
    } as ScheduleBody;
    mutation.mutate(body, {
      onSuccess: () => {
        problems.clear();
      },
      onError: (error) => problems.showFailure(error, failure),
    });
  }

  return (
    <div className="case-subsection">
      <h3>
        {detail.conference
          ? t('conferences.schedule.changeHeading')
          : t('conferences.schedule.setHeading')}
      </h3>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <DateField
          withTime
          id={fieldIds.startsAt}
          label={t('conferences.schedule.when')}
          description={t('conferences.schedule.whenHelp')}
          value={when}
          onChange={setWhen}
          errorMessage={problems.error('startsAt')}
        />
        <RadioGroup
          id={fieldIds.mode}
          label={t('conferences.schedule.mode')}
          value={mode}
          onChange={(value) => setMode(value as Mode)}
          errorMessage={problems.error('mode')}
          options={(['in_person', 'online'] as const).map((value) => ({
            value,
            label: t(`conferences.schedule.modes.${value}`),
          }))}
        />
        {mode === 'online' ? null : (
          <TextField
            id={fieldIds.place}
            label={t('conferences.schedule.place')}
            description={t('conferences.schedule.placeHelp')}
            value={place}
            onChange={setPlace}
            errorMessage={problems.error('place')}
          />
        )}
        <FormActions submit={t('conferences.schedule.submit')} isBusy={mutation.isPending} />
      </Form>
    </div>
  );
}

/** When and where the conference meets; then that it was held. */
export function ScheduleSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const may = (command: CaseCommandType) => offers(detail, command);
  const { conference } = detail;
  return (
    <section id="case-schedule" className="case-section" aria-labelledby="case-schedule-heading">
      <h2 id="case-schedule-heading">{t('conferences.schedule.heading')}</h2>
      {conference ? (
        <>
          <dl className="case-facts">
            <div>
              <dt>{t('conferences.schedule.when')}</dt>
              <dd>{formatDateTime(conference.startsAt)}</dd>
            </div>
            <div>
              <dt>{t('conferences.schedule.where')}</dt>
              <dd>
                {conference.mode === 'online'
                  ? t('conferences.schedule.modes.online')
                  : conference.place}
              </dd>
            </div>
          </dl>
          <ul className="conference-links conference-links--row">
            <li>
              <a href={calendarHref(detail.id)} download>
                {t('conferences.schedule.calendar')}
              </a>
            </li>
            {conference.circleId ? (
              <li>
                <Link to={`/circles/${conference.circleId}`}>{t('conferences.schedule.room')}</Link>
              </li>
            ) : null}
          </ul>
        </>
      ) : (
        <p>{t('conferences.schedule.notYet')}</p>
      )}
      {may('schedule') ? <ScheduleForm detail={detail} /> : null}
      {may('record_held') ? (
        <StepButton
          caseId={detail.id}
          command={{ type: 'record_held' }}
          label={t('conferences.schedule.held')}
          done={t('conferences.schedule.heldDone')}
          help={t('conferences.schedule.heldHelp')}
        />
      ) : null}
    </section>
  );
}

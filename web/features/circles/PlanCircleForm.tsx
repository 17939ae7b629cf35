import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CAPACITY_MAX,
  CAPACITY_MIN,
  type CirclePeople,
  type CreateCircleBody,
  SERIES_MAX,
} from '../../../shared/circles/contract.ts';
import type { Repeat } from '../../../shared/circles/schedule.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { LanguageField } from '../../ui/LanguageField.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { circlesKey, planCircle } from './api.ts';
import { circleFieldMessage } from './field-messages.ts';
import { useFormatMinutes, zoneName } from './format.ts';

const fieldIds = {
  purpose: 'circle-purpose',
  startsAtLocal: 'circle-starts-at',
  timeZone: 'circle-time-zone',
  durationMinutes: 'circle-duration',
  keeperId: 'circle-keeper',
  coKeeperId: 'circle-co-keeper',
  capacity: 'circle-capacity',
  language: 'circle-language',
  repeat: 'circle-repeat',
  count: 'circle-count',
} as const;
type Field = keyof typeof fieldIds;

const lengths = [30, 45, 60, 75, 90, 105, 120, 150, 180, 240] as const;

/** The zones a keeper may choose from, the program's first; every zone the browser knows. */
function zoneChoices(programZone: string): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.filter((zone) => zone !== programZone);
}

/** A number as typed: blank is left out (the server's default or its message), else as read. */
function numberOrBlank(typed: string): number | undefined {
  return typed.trim() === '' ? undefined : Number(typed);
}

export function PlanCircleForm({
  programId,
  people,
  programZone,
  myPersonId,
}: {
  programId: string;
  people: CirclePeople;
  /** The program's time zone: the circle takes it unless the keeper chooses another. */
  programZone: string;
  myPersonId: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formatMinutes = useFormatMinutes();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [purpose, setPurpose] = useState('');
  const [startsAtLocal, setStartsAtLocal] = useState('');
  /** Empty: the program's own zone, which the server fills in. */
  const [timeZone, setTimeZone] = useState('');
  const [durationMinutes, setDurationMinutes] = useState('90');
  const [keeperId, setKeeperId] = useState(
    people.keepers.some((keeper) => keeper.id === myPersonId) ? (myPersonId ?? '') : '',
  );
  const [coKeeperId, setCoKeeperId] = useState('');
  const [capacity, setCapacity] = useState('12');
  const [circleLanguage, setCircleLanguage] = useState<Language>(
    isLanguage(language) ? language : 'en',
  );
  const [repeat, setRepeat] = useState<Repeat>('none');
  const [count, setCount] = useState('6');
  const [training, setTraining] = useState(false);
  const problems = useFormProblems<Field>(fieldIds);
  const mutation = useMutation({
    mutationFn: (body: CreateCircleBody) => planCircle(programId, body),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    // The server checks everything and answers each field in its words; the form sends what
    // was typed as it is, so that nothing typed is lost to a check made here.
    const body = {
      purpose,
      startsAtLocal,
      timeZone: timeZone || undefined,
      durationMinutes: Number(durationMinutes),
      keeperId,
      coKeeperId: coKeeperId || null,
      capacity: numberOrBlank(capacity),
      language: circleLanguage,
      repeat,
      count: repeat === 'none' ? 1 : numberOrBlank(count),
      training,
    } as CreateCircleBody;
    mutation.mutate(body, {
      onSuccess: ({ circles }) => {
        void queryClient.invalidateQueries({ queryKey: circlesKey });
        showToast({
          title:
            circles.length === 1
              ? t('circles.plan.plannedOne')
              : t('circles.plan.plannedSeries', { count: circles.length }),
        });
        const first = circles[0];
        void navigate(first ? `/circles/${first.id}` : `/programs/${programId}/circles`);
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => circleFieldMessage(t, problem),
        }),
    });
  }

  const zoneLabel = (zone: string) => `${zoneName(zone, language)} (${zone})`;
  const shownZone = timeZone || programZone;
  return (
    <>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={fieldIds.purpose}
          label={t('circles.plan.purpose')}
          description={t('circles.plan.purposeHelp')}
          multiline
          value={purpose}
          onChange={setPurpose}
          errorMessage={problems.error('purpose')}
        />
        <DateField
          withTime
          id={fieldIds.startsAtLocal}
          label={t('circles.plan.startsAt')}
          description={t('circles.plan.startsAtHelp', { zone: zoneLabel(shownZone) })}
          value={startsAtLocal}
          onChange={setStartsAtLocal}
          errorMessage={problems.error('startsAtLocal')}
        />
        <SelectField
          id={fieldIds.timeZone}
          label={t('circles.plan.timeZone')}
          description={t('circles.plan.timeZoneHelp', { zone: zoneLabel(programZone) })}
          value={timeZone}
          onChange={setTimeZone}
          placeholder={t('circles.plan.programZone')}
          options={zoneChoices(programZone).map((zone) => ({ value: zone, label: zone }))}
          errorMessage={problems.error('timeZone')}
        />
        <SelectField
          id={fieldIds.durationMinutes}
          label={t('circles.plan.duration')}
          value={durationMinutes}
          onChange={setDurationMinutes}
          options={lengths.map((minutes) => ({
            value: String(minutes),
            label: formatMinutes(minutes),
          }))}
          errorMessage={problems.error('durationMinutes')}
        />
        <SelectField
          id={fieldIds.keeperId}
          label={t('circles.plan.keeper')}
          description={t('circles.plan.keeperHelp')}
          placeholder={t('circles.plan.chooseKeeper')}
          value={keeperId}
          onChange={setKeeperId}
          options={people.keepers.map((keeper) => ({ value: keeper.id, label: keeper.name }))}
          errorMessage={problems.error('keeperId')}
        />
        <SelectField
          id={fieldIds.coKeeperId}
          label={t('circles.plan.coKeeper')}
          description={t('circles.plan.coKeeperHelp')}
          placeholder={t('circles.plan.noCoKeeper')}
          value={coKeeperId}
          onChange={setCoKeeperId}
          options={people.keepers
            .filter((keeper) => keeper.id !== keeperId)
            .map((keeper) => ({ value: keeper.id, label: keeper.name }))}
          errorMessage={problems.error('coKeeperId')}
        />
        <TextField
          id={fieldIds.capacity}
          label={t('circles.plan.capacity')}
          description={t('circles.plan.capacityHelp', { min: CAPACITY_MIN, max: CAPACITY_MAX })}
          inputMode="numeric"
          className="field--short"
          value={capacity}
          onChange={setCapacity}
          errorMessage={problems.error('capacity')}
        />
        <LanguageField
          id={fieldIds.language}
          label={t('circles.plan.language')}
          description={t('circles.plan.languageHelp')}
          value={circleLanguage}
          onChange={setCircleLanguage}
          errorMessage={problems.error('language')}
        />
        <RadioGroup
          id={fieldIds.repeat}
          label={t('circles.plan.repeat')}
          layout="stack"
          value={repeat}
          onChange={(value) => setRepeat(value as Repeat)}
          options={(['none', 'weekly', 'monthly'] as const).map((value) => ({
            value,
            label: t(`circles.plan.repeats.${value}.label`),
            description: t(`circles.plan.repeats.${value}.description`),
          }))}
          errorMessage={problems.error('repeat')}
        />
        {repeat === 'none' ? null : (
          <TextField
            id={fieldIds.count}
            label={t('circles.plan.count')}
            description={t('circles.plan.countHelp', { max: SERIES_MAX })}
            inputMode="numeric"
            className="field--short"
            value={count}
            onChange={setCount}
            errorMessage={problems.error('count')}
          />
        )}
        <div>
          <Checkbox
            isSelected={training}
            onChange={setTraining}
            aria-describedby="circle-training-help"
          >
            {t('circles.plan.training')}
          </Checkbox>
          <p id="circle-training-help" className="form-section__help">
            {t('circles.plan.trainingHelp')}
          </p>
        </div>
        <FormActions
          submit={repeat === 'none' ? t('circles.plan.submit') : t('circles.plan.submitSeries')}
          isBusy={mutation.isPending}
          cancel={{
            label: t('circles.plan.cancel'),
            onPress: () => void navigate(`/programs/${programId}/circles`),
          }}
        />
      </Form>
    </>
  );
}

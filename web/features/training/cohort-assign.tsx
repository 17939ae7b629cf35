import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AssignablePerson, CreateCohortBody } from '../../../shared/training/contract.ts';
import { ApiError } from '../../app/api.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { type FieldMessages, useFormProblems } from '../../ui/useFormProblems.tsx';
import { assignableKey, createCohort, fetchAssignable, trainingKey } from './api.ts';
import {
  type CohortField,
  cohortBody,
  cohortFieldMessage,
  cohortFieldOf,
  matchesName,
} from './cohort-body.ts';
import '../../ui/form.css';

const fixedIds = {
  name: 'cohort-name',
  dueOn: 'cohort-due',
  people: 'cohort-people',
} as const;
/** The form's fields; a problem with no place of its own is shown in the summary alone. */
type FormField = Exclude<CohortField, 'form'>;
const personFieldId = (personId: string) => `cohort-person-${personId}`;
const unitFieldId = (personId: string) => `cohort-unit-${personId}`;

/** Today as YYYY-MM-DD in the reader's own time zone: the earliest due day the picker offers. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function OfficerBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--sage">{t('training.report.assign.officer')}</span>;
}

/** The people of the program, filtered by name, each a checkbox. */
function PeopleChoice({
  assignable,
  chosen,
  onToggle,
  filter,
  onFilter,
  error,
}: {
  assignable: readonly AssignablePerson[];
  chosen: ReadonlySet<string>;
  onToggle: (personId: string, on: boolean) => void;
  filter: string;
  onFilter: (filter: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const shown = assignable.filter((person) => matchesName(person.name, filter));
  return (
    <fieldset className="form-section" id={fixedIds.people}>
      <legend className="form-section__legend">{t('training.report.assign.people')}</legend>
      <p className="form-section__help">{t('training.report.assign.peopleHelp')}</p>
      <TextField
        label={t('training.report.assign.filter')}
        type="search"
        value={filter}
        onChange={onFilter}
      />
      <p className="training-muted" aria-live="polite">
        {t('training.report.assign.chosen', { count: chosen.size })}
      </p>
      {shown.length === 0 ? (
        <p>{t('training.report.assign.noMatch', { filter })}</p>
      ) : (
        <div className="cohort-people">
          {shown.map((person) => (
            <Checkbox
              key={person.id}
              isSelected={chosen.has(person.id)}
              onChange={(on) => onToggle(person.id, on)}
            >
              {person.name} {person.officer ? <OfficerBadge /> : null}
            </Checkbox>
          ))}
        </div>
      )}
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}

/** A manager's form: a cohort's name, its due date, its people and, if they like, their units. */
export function AssignCourse({ courseId }: { courseId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const assignable = useQuery({
    queryKey: assignableKey(courseId),
    queryFn: ({ signal }) => fetchAssignable(courseId, signal),
    retry: retryUnlessRefused,
  });
  const [name, setName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [units, setUnits] = useState<Readonly<Record<string, string>>>({});
  const [sameUnit, setSameUnit] = useState('');
  const people = assignable.data ?? [];
  const chosenPeople = people.filter((person) => chosen.has(person.id));
  const fieldIds: Record<FormField, string> = { ...fixedIds };
  for (const person of chosenPeople) {
    fieldIds[`person:${person.id}`] = personFieldId(person.id);
    fieldIds[`unit:${person.id}`] = unitFieldId(person.id);
  }
  const problems = useFormProblems<FormField>(fieldIds);
  const mutation = useMutation({
    mutationFn: (body: CreateCohortBody) => createCohort(courseId, body),
  });

  function toggle(personId: string, on: boolean) {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });
  }

  function giveEveryoneSameUnit() {
    setUnits((previous) => {
      const next = { ...previous };
      for (const person of chosenPeople) next[person.id] = sameUnit;
      return next;
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const body = cohortBody({ name, dueOn, chosen, units }, people);
    const nameOf = (personId: string) =>
      people.find((person) => person.id === personId)?.name ?? personId;
    mutation.mutate(body, {
      onSuccess: (cohort) => {
        problems.clear();
        setName('');
        setDueOn('');
        setFilter('');
        setChosen(new Set());
        setUnits({});
        setSameUnit('');
        showToast({
          title: t('training.report.assign.assigned', { name: cohort.name, count: cohort.people }),
        });
        void queryClient.invalidateQueries({ queryKey: trainingKey });
      },
      onError: (error) => {
        if (!(error instanceof ApiError) || error.fieldProblems.length === 0) {
          return problems.showFailure(error);
        }
        const fields: FieldMessages<FormField> = {};
        const others: string[] = [];
        for (const problem of error.fieldProblems) {
          const field = cohortFieldOf(problem.field, body.people);
          const message = cohortFieldMessage(i18n.t, field, problem, nameOf);
          if (field === 'form') others.push(message);
          else fields[field] ??= message;
        }
        problems.show(fields, others.length > 0 ? others.join(' ') : undefined);
      },
    });
  }

  return (
    <section className="training-section" aria-labelledby="cohort-assign-heading">
      <h2 id="cohort-assign-heading">{t('training.report.assign.heading')}</h2>
      <p>{t('training.report.assign.lead')}</p>
      {assignable.isPending ? <p>{t('app.loading')}</p> : null}
      {assignable.isError ? (
        <LoadProblem
          failed={t('training.report.assign.loadFailed')}
          error={assignable.error}
          refused={t('forms.forbidden')}
          onRetry={() => void assignable.refetch()}
        />
      ) : null}
      {assignable.data ? (
        <>
          {problems.summary}
          <Form onSubmit={onSubmit} validationBehavior="aria" className="form cohort-form">
            <TextField
              id={fixedIds.name}
              label={t('training.report.assign.name')}
              description={t('training.report.assign.nameHelp')}
              value={name}
              onChange={setName}
              errorMessage={problems.error('name')}
            />
            <DateField
              id={fixedIds.dueOn}
              label={t('training.report.assign.due')}
              value={dueOn}
              min={today()}
              onChange={setDueOn}
              errorMessage={problems.error('dueOn')}
            />
            {people.length === 0 ? (
              <p>{t('training.report.assign.noPeople')}</p>
            ) : (
              <PeopleChoice
                assignable={people}
                chosen={chosen}
                onToggle={toggle}
                filter={filter}
                onFilter={setFilter}
                error={problems.error('people')}
              />
            )}
            {chosenPeople.length > 0 ? (
              <fieldset className="form-section">
                <legend className="form-section__legend">
                  {t('training.report.assign.units')}
                </legend>
                <p className="form-section__help">{t('training.report.assign.unitsHelp')}</p>
                <div className="cohort-same-unit">
                  <TextField
                    label={t('training.report.assign.sameUnit')}
                    value={sameUnit}
                    onChange={setSameUnit}
                  />
                  <Button variant="secondary" onPress={giveEveryoneSameUnit}>
                    {t('training.report.assign.applyUnit')}
                  </Button>
                </div>
                <ul className="cohort-units">
                  {chosenPeople.map((person) => {
                    const personError = problems.error(`person:${person.id}`);
                    return (
                      <li key={person.id} id={personFieldId(person.id)} className="cohort-unit">
                        <TextField
                          id={unitFieldId(person.id)}
                          label={t('training.report.assign.unitOf', { name: person.name })}
                          value={units[person.id] ?? ''}
                          onChange={(unit) =>
                            setUnits((previous) => ({ ...previous, [person.id]: unit }))
                          }
                          errorMessage={problems.error(`unit:${person.id}`)}
                        />
                        {personError ? <p className="field__error">{personError}</p> : null}
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            ) : null}
            <FormActions submit={t('training.report.assign.submit')} isBusy={mutation.isPending} />
          </Form>
        </>
      ) : null}
    </section>
  );
}

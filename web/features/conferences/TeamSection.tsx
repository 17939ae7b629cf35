import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/conferences/contract.ts';
import { type TeamRole, teamRoles } from '../../../shared/conferences/names.ts';
import { Button } from '../../ui/Button.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { assignTeam, fetchConferencePeople, peopleKey, unassignTeam } from './api.ts';
import { useStaffLabel } from './labels.ts';
import { ActionProblem } from './marks.tsx';
import { useActionProblem, useCaseChange, useFailureOptions } from './useCaseChange.ts';

const fieldIds = { personId: 'team-person', role: 'team-role' } as const;
type Field = keyof typeof fieldIds;

function AssignForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const staffLabel = useStaffLabel();
  const people = useQuery({
    queryKey: peopleKey(detail.programId),
    queryFn: ({ signal }) => fetchConferencePeople(detail.programId, signal),
  });
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<TeamRole | ''>(
    detail.team.some((member) => member.role === 'lead') ? 'facilitator' : 'lead',
  );
  const problems = useFormProblems<Field>(fieldIds);
  const failure = useFailureOptions<Field>();
  const mutation = useCaseChange(
    () => assignTeam(detail.id, { personId, role: (role || undefined) as TeamRole }),
    t('conferences.team.assigned'),
  );
  const onTeam = new Set(detail.team.map((member) => member.personId));
  const choices = (people.data ?? []).filter((person) => !onTeam.has(person.personId));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(undefined, {
      onSuccess: () => {
        problems.clear();
        setPersonId('');
        setRole('facilitator');
      },
      onError: (error) => problems.showFailure(error, failure),
    });
  }

  if (people.isError) return <p role="alert">{t('conferences.team.peopleFailed')}</p>;
  return (
    <div className="case-subsection">
      <h3>{t('conferences.team.assignHeading')}</h3>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <SelectField
          id={fieldIds.personId}
          label={t('conferences.team.person')}
          placeholder={people.isPending ? t('app.loading') : t('conferences.team.personChoose')}
          value={personId}
          onChange={setPersonId}
          errorMessage={problems.error('personId')}
          options={choices.map((person) => ({
            value: person.personId,
            label: staffLabel(person),
          }))}
        />
        <SelectField
          id={fieldIds.role}
          label={t('conferences.team.role')}
          value={role}
          onChange={(value) => setRole(value as TeamRole)}
          errorMessage={problems.error('role')}
          options={teamRoles.map((value) => ({
            value,
            label: t(`conferences.teamRoles.${value}`),
          }))}
        />
        <FormActions submit={t('conferences.team.assign')} isBusy={mutation.isPending} />
      </Form>
    </div>
  );
}

function Member({ detail, member }: { detail: CaseDetail; member: CaseDetail['team'][number] }) {
  const { t } = useTranslation();
  const problem = useActionProblem();
  const mutation = useCaseChange(() => unassignTeam(detail.id, member.personId));
  return (
    <li className="team-row">
      <span>
        <strong>{member.name}</strong>, {t(`conferences.teamRoles.${member.role}`)}
      </span>
      {detail.canChange ? (
        <Button
          variant="quiet"
          aria-label={t('conferences.team.unassignFor', { name: member.name })}
          isBusy={mutation.isPending}
          onPress={() => {
            if (mutation.isPending) return;
            problem.clear();
            mutation.mutate(undefined, { onError: problem.show });
          }}
        >
          {t('conferences.team.unassign')}
        </Button>
      ) : null}
      <ActionProblem message={problem.message} />
    </li>
  );
}

/** Who facilitates the case: a lead and co-facilitators, chosen from the program's people. */
export function TeamSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <section id="case-team" className="case-section" aria-labelledby="case-team-heading">
      <h2 id="case-team-heading">{t('conferences.team.heading')}</h2>
      {detail.team.length === 0 ? (
        <p>{t('conferences.team.none')}</p>
      ) : (
        <ul className="team-list">
          {detail.team.map((member) => (
            <Member key={member.personId} detail={detail} member={member} />
          ))}
        </ul>
      )}
      {detail.canChange && detail.stage !== 'closed' ? <AssignForm detail={detail} /> : null}
    </section>
  );
}

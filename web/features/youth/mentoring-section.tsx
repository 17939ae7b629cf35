import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { YoungPerson } from '../../../shared/youth/contract.ts';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { fetchYoungPeople, youngPeopleKey } from './api.ts';
import { createPair, fetchMentors, fetchProgramPairs, programPairsKey } from './mentoring-api.ts';

// The coordinator's mentoring pairs: who mentors whom, a link to each pair's messages (which the
// coordinator reads), and a form to pair a verified officer with a young person who may take part.

function NewPair({ programId, youngPeople }: { programId: string; youngPeople: YoungPerson[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mentors = useQuery({
    queryKey: [...programPairsKey(programId), 'mentors'],
    queryFn: ({ signal }) => fetchMentors(programId, signal),
    retry: retryUnlessRefused,
  });
  const [mentorId, setMentorId] = useState('');
  const [youngPersonId, setYoungPersonId] = useState('');
  const problems = useFormProblems({ mentorId: 'pair-mentor', youngPersonId: 'pair-young' });
  const pair = useMutation({
    mutationFn: () => createPair(programId, { mentorId, youngPersonId }),
    onSuccess: async () => {
      problems.clear();
      setYoungPersonId('');
      await queryClient.invalidateQueries({ queryKey: programPairsKey(programId) });
    },
    onError: (error) =>
      problems.showFailure(error, {
        fieldMessage: (field, problem) =>
          problem.code === 'needs_consent'
            ? t('youthMentoring.section.needsConsent')
            : t(`youthMentoring.section.choose.${field}`),
        statusMessage: (refused) =>
          refused.problem?.code === 'alone_with_minor'
            ? t('youthMentoring.pair.aloneWithMinor')
            : undefined,
      }),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pair.isPending) return;
    const missing = {
      ...(mentorId ? {} : { mentorId: t('youthMentoring.section.choose.mentorId') }),
      ...(youngPersonId ? {} : { youngPersonId: t('youthMentoring.section.choose.youngPersonId') }),
    };
    if (Object.keys(missing).length > 0) {
      problems.show(missing);
      return;
    }
    pair.mutate();
  }
  const ready = youngPeople.filter((person) => person.mayTakePart);
  return (
    <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
      <h3>{t('youthMentoring.section.newHeading')}</h3>
      {problems.summary}
      {mentors.data && mentors.data.length === 0 ? (
        <p>{t('youthMentoring.section.noMentors')}</p>
      ) : null}
      <SelectField
        id="pair-mentor"
        label={t('youthMentoring.section.mentor')}
        value={mentorId}
        onChange={setMentorId}
        placeholder={t('youthMentoring.section.chooseOne')}
        options={(mentors.data ?? []).map((mentor) => ({ value: mentor.id, label: mentor.name }))}
        errorMessage={problems.error('mentorId')}
      />
      <SelectField
        id="pair-young"
        label={t('youthMentoring.section.youngPerson')}
        description={t('youthMentoring.section.youngPersonHelp')}
        value={youngPersonId}
        onChange={setYoungPersonId}
        placeholder={t('youthMentoring.section.chooseOne')}
        options={ready.map((person) => ({ value: person.id, label: person.displayName }))}
        errorMessage={problems.error('youngPersonId')}
      />
      <div className="form-actions">
        <Button type="submit" isBusy={pair.isPending}>
          {t('youthMentoring.section.pair')}
        </Button>
      </div>
    </Form>
  );
}

export function MentoringSection({
  programId,
  mayManage,
}: {
  programId: string;
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const pairs = useQuery({
    queryKey: programPairsKey(programId),
    queryFn: ({ signal }) => fetchProgramPairs(programId, signal),
    retry: retryUnlessRefused,
  });
  // The list the young people section fetched: only those who may take part can be paired.
  const youngPeople = useQuery({
    queryKey: youngPeopleKey(programId),
    queryFn: ({ signal }) => fetchYoungPeople(programId, signal),
    retry: retryUnlessRefused,
  });
  return (
    <section className="youth-section" aria-labelledby="youth-mentoring-heading">
      <h2 id="youth-mentoring-heading">{t('youthMentoring.section.heading')}</h2>
      <p>{t('youthMentoring.section.lead')}</p>
      {pairs.data && pairs.data.length > 0 ? (
        <ul className="youth-list">
          {pairs.data.map((pair) => (
            <li key={pair.id}>
              <Link to={`/mentoring/${pair.id}`}>
                {t('youthMentoring.section.pairName', {
                  mentor: pair.mentor.name,
                  young: pair.youngPerson.name,
                })}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('youthMentoring.section.none')}</p>
      )}
      {mayManage ? <NewPair programId={programId} youngPeople={youngPeople.data ?? []} /> : null}
    </section>
  );
}

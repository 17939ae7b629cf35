import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  type AddYoungPersonRequest,
  type AgeBand,
  bandsWithin,
  isMinorBand,
  type YoungPerson,
  type YouthSettingsView,
} from '../../../shared/youth/contract.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { LanguageField } from '../../ui/LanguageField.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { OnceLink } from '../conferences/OnceLink.tsx';
import { addYoungPerson, youthKey } from './api.ts';
import { youthFieldMessage } from './field-messages.ts';

const fieldIds = {
  displayName: 'young-person-name',
  ageBand: 'young-person-band',
  guardian: 'young-person-guardian',
  'guardian.name': 'young-person-guardian-name',
  'guardian.email': 'young-person-guardian-email',
  'guardian.language': 'young-person-guardian-language',
} as const;
type Field = keyof typeof fieldIds;

interface Added {
  youngPerson: YoungPerson;
  youthLink: string;
}

/** A young person joins: the name they go by, their age band and, under 18, their guardian. */
export function AddYoungPerson({
  programId,
  settings,
}: {
  programId: string;
  settings: YouthSettingsView;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const pageLanguage = i18n.resolvedLanguage ?? i18n.language;
  const bands = bandsWithin(settings.minAge, settings.maxAge);
  const [displayName, setDisplayName] = useState('');
  const [ageBand, setAgeBand] = useState<AgeBand | ''>(bands.length === 1 ? (bands[0] ?? '') : '');
  const [guardianName, setGuardianName] = useState('');
  const [guardianEmail, setGuardianEmail] = useState('');
  const [guardianLanguage, setGuardianLanguage] = useState<Language>(
    isLanguage(pageLanguage) ? pageLanguage : 'en',
  );
  const [added, setAdded] = useState<Added | null>(null);
  const problems = useFormProblems<Field>(fieldIds);
  const mutation = useMutation({
    mutationFn: (body: AddYoungPersonRequest) => addYoungPerson(programId, body),
  });
  // Until a band is chosen the guardian's fields show: most young people of a program are minors.
  const needsGuardian = ageBand === '' || isMinorBand(ageBand);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const guardianGiven = guardianName.trim() !== '' || guardianEmail.trim() !== '';
    // Both guardian fields left empty is no guardian at all: the server then says one is needed.
    const body = {
      displayName,
      ageBand: ageBand || undefined,
      guardian:
        needsGuardian && guardianGiven
          ? { name: guardianName, email: guardianEmail.trim(), language: guardianLanguage }
          : null,
    } as AddYoungPersonRequest;
    mutation.mutate(body, {
      onSuccess: (answer) => {
        problems.clear();
        setAdded(answer);
        setDisplayName('');
        setGuardianName('');
        setGuardianEmail('');
        showToast({
          title: t('youth.program.add.added', { name: answer.youngPerson.displayName }),
        });
        void queryClient.invalidateQueries({ queryKey: youthKey(programId) });
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) =>
            youthFieldMessage(t, problem, { min: settings.minAge, max: settings.maxAge }),
        }),
    });
  }

  return (
    <section className="youth-subsection" aria-labelledby="youth-add-heading">
      <h3 id="youth-add-heading">{t('youth.program.add.heading')}</h3>
      <p>{t('youth.program.add.lead')}</p>
      {added ? (
        <OnceLink
          level={3}
          heading={t('youth.program.add.linkHeading', { name: added.youngPerson.displayName })}
          url={added.youthLink}
          onDone={() => setAdded(null)}
          testId="youth-link"
        >
          <p>{t('youth.program.add.linkBody', { name: added.youngPerson.displayName })}</p>
          {added.youngPerson.minor ? <p>{t('youth.program.add.guardianAsked')}</p> : null}
        </OnceLink>
      ) : null}
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={fieldIds.displayName}
          label={t('youth.program.add.displayName')}
          description={t('youth.program.add.displayNameHelp')}
          value={displayName}
          onChange={setDisplayName}
          errorMessage={problems.error('displayName')}
        />
        <RadioGroup
          id={fieldIds.ageBand}
          label={t('youth.program.add.ageBand')}
          description={t('youth.program.add.ageBandHelp')}
          value={ageBand || null}
          onChange={(value) => setAgeBand(bands.find((band) => band === value) ?? '')}
          options={bands.map((band) => ({ value: band, label: t(`youth.program.bands.${band}`) }))}
          errorMessage={problems.error('ageBand')}
        />
        {needsGuardian ? (
          <fieldset
            className="form-section youth-guardian"
            id={fieldIds.guardian}
            aria-describedby={
              problems.error('guardian') ? 'young-person-guardian-error' : undefined
            }
          >
            <legend className="form-section__legend">{t('youth.program.add.guardian')}</legend>
            <p className="form-section__help">{t('youth.program.add.guardianHelp')}</p>
            {problems.error('guardian') ? (
              <p id="young-person-guardian-error" className="field__error">
                {problems.error('guardian')}
              </p>
            ) : null}
            <TextField
              id={fieldIds['guardian.name']}
              label={t('youth.program.add.guardianName')}
              description={t('youth.program.add.guardianNameHelp')}
              autoComplete="off"
              value={guardianName}
              onChange={setGuardianName}
              errorMessage={problems.error('guardian.name')}
            />
            <TextField
              id={fieldIds['guardian.email']}
              label={t('youth.program.add.guardianEmail')}
              type="email"
              autoComplete="off"
              value={guardianEmail}
              onChange={setGuardianEmail}
              errorMessage={problems.error('guardian.email')}
            />
            <LanguageField
              id={fieldIds['guardian.language']}
              label={t('youth.program.add.guardianLanguage')}
              value={guardianLanguage}
              onChange={setGuardianLanguage}
              errorMessage={problems.error('guardian.language')}
            />
          </fieldset>
        ) : (
          <p className="form-page__note">{t('youth.program.add.noGuardianNeeded')}</p>
        )}
        <FormActions submit={t('youth.program.add.submit')} isBusy={mutation.isPending} />
      </Form>
    </section>
  );
}

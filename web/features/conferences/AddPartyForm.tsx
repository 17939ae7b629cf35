import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AddedParty, AddPartyBody, CaseDetail } from '../../../shared/conferences/contract.ts';
import { type PartyRole, partyRoles } from '../../../shared/conferences/machine.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { LanguageField } from '../../ui/LanguageField.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { addParty } from './api.ts';
import { OnceLink } from './OnceLink.tsx';
import { useCaseChange, useFailureOptions } from './useCaseChange.ts';

const fieldIds = {
  role: 'party-role',
  name: 'party-name',
  email: 'party-email',
  language: 'party-language',
  supportsPartyId: 'party-supports',
} as const;
type Field = keyof typeof fieldIds;

/** A new party: their role, name, language, whom a supporter supports, and an optional email. */
export function AddPartyForm({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const [role, setRole] = useState<PartyRole | ''>('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const pageLanguage: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const [language, setLanguage] = useState<Language>(pageLanguage);
  const [supports, setSupports] = useState('');
  const [added, setAdded] = useState<AddedParty | null>(null);
  const problems = useFormProblems<Field>(fieldIds);
  const failure = useFailureOptions<Field>();
  const mutation = useCaseChange((body: AddPartyBody) => addParty(detail.id, body));
  const others = detail.parties.filter((party) => !party.removed && party.role !== 'supporter');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const body = {
      role: role || undefined,
      name,
      email: email.trim() || null,
      language,
      supportsPartyId: role === 'supporter' && supports ? supports : null,
    } as AddPartyBody;
    mutation.mutate(body, {
      onSuccess: (answer) => {
        problems.clear();
        setAdded(answer);
        setRole('');
        setName('');
        setEmail('');
        setLanguage(pageLanguage);
        setSupports('');
      },
      onError: (error) => problems.showFailure(error, failure),
    });
  }

  return (
    <div className="case-subsection">
      <h3>{t('conferences.parties.addHeading')}</h3>
      {added ? (
        added.link ? (
          <OnceLink
            heading={t('conferences.parties.linkFor', { name: added.party.name })}
            url={added.link.url}
            onDone={() => setAdded(null)}
            testId="party-link"
          >
            <p>{t('conferences.parties.linkOnce')}</p>
          </OnceLink>
        ) : (
          <p role="status" className="case-notice">
            {t('conferences.parties.added', { name: added.party.name })}
          </p>
        )
      ) : null}
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <SelectField
          id={fieldIds.role}
          label={t('conferences.parties.role')}
          placeholder={t('conferences.parties.roleChoose')}
          value={role}
          onChange={(value) => setRole(value as PartyRole | '')}
          errorMessage={problems.error('role')}
          options={partyRoles.map((value) => ({ value, label: t(`conferences.roles.${value}`) }))}
        />
        {role === 'supporter' && others.length > 0 ? (
          <SelectField
            id={fieldIds.supportsPartyId}
            label={t('conferences.parties.supports')}
            placeholder={t('conferences.parties.supportsChoose')}
            value={supports}
            onChange={setSupports}
            errorMessage={problems.error('supportsPartyId')}
            options={others.map((party) => ({ value: party.id, label: party.name }))}
          />
        ) : null}
        <TextField
          id={fieldIds.name}
          label={t('conferences.parties.name')}
          description={t('conferences.parties.nameHelp')}
          value={name}
          onChange={setName}
          errorMessage={problems.error('name')}
        />
        <TextField
          id={fieldIds.email}
          type="email"
          label={t('conferences.parties.email')}
          description={t('conferences.parties.emailHelp')}
          value={email}
          onChange={setEmail}
          errorMessage={problems.error('email')}
        />
        <LanguageField
          id={fieldIds.language}
          label={t('conferences.parties.language')}
          value={language}
          onChange={setLanguage}
          errorMessage={problems.error('language')}
        />
        <FormActions submit={t('conferences.parties.add')} isBusy={mutation.isPending} />
      </Form>
    </div>
  );
}

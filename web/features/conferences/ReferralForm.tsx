import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type {
  ReferralBody,
  ReferralForm as ReferralPreview,
  ReferralReceipt,
} from '../../../shared/conferences/contract.ts';
import { OTHER_HARM } from '../../../shared/conferences/eligibility.ts';
import {
  type ReferrerKind,
  referrerKinds,
  type Urgency,
  urgencies,
} from '../../../shared/conferences/names.ts';
import { isLanguage } from '../../i18n/languages.ts';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { submitReferral } from './api.ts';
import { useHarmLabel } from './labels.ts';
import { useFailureOptions } from './useCaseChange.ts';

/** The form's fields by the names the API gives its problems, in the order they appear. */
const fieldIds = {
  referrerKind: 'referral-kind',
  referrerOrganisation: 'referral-organisation',
  referrerName: 'referral-name',
  referrerContact: 'referral-contact',
  incidentSummary: 'referral-summary',
  incidentOn: 'referral-day',
  harmType: 'referral-harm',
  peopleInvolved: 'referral-people',
  urgency: 'referral-urgency',
} as const;
type Field = keyof typeof fieldIds;

/** Someone writing for an organisation names it; a person writing for themselves does not. */
const forOrganisation: ReadonlySet<ReferrerKind> = new Set([
  'agency',
  'school',
  'community_organisation',
]);

/**
 * The referral: who is writing and how to reach them, what happened and when, the kind of harm,
 * who was involved and how urgent it is. Nothing is checked here: the server answers each field
 * in its own words, and everything typed stays in place.
 */
export function ReferralFormView({
  token,
  preview,
  onReceived,
}: {
  token: string;
  preview: ReferralPreview;
  onReceived: (receipt: ReferralReceipt) => void;
}) {
  const { t, i18n } = useTranslation();
  const harmLabel = useHarmLabel();
  const [kind, setKind] = useState<ReferrerKind | null>(null);
  const [organisation, setOrganisation] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [summary, setSummary] = useState('');
  const [day, setDay] = useState('');
  const [harmType, setHarmType] = useState('');
  const [people, setPeople] = useState('');
  const [urgency, setUrgency] = useState<Urgency | null>(null);
  const problems = useFormProblems<Field>(fieldIds);
  const failure = useFailureOptions<Field>();
  const mutation = useMutation({ mutationFn: submitReferral });

  const harmTypes = preview.harmTypes.some((harm) => harm.id === OTHER_HARM)
    ? preview.harmTypes
    : [...preview.harmTypes, { id: OTHER_HARM, label: '' }];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const body = {
      token,
      referrerKind: kind ?? undefined,
      referrerOrganisation: kind && forOrganisation.has(kind) ? organisation : '',
      referrerName: name,
      referrerContact: contact,
      incidentSummary: summary,
      incidentOn: day || null,
      harmType,
      peopleInvolved: people,
      urgency: urgency ?? undefined,
      language: isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en',
    } as ReferralBody;
    mutation.mutate(body, {
      onSuccess: onReceived,
      onError: (error) => problems.showFailure(error, failure),
    });
  }

  return (
    <>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <fieldset className="form-section">
          <legend className="form-section__legend">{t('conferences.refer.aboutYou')}</legend>
          <RadioGroup
            id={fieldIds.referrerKind}
            label={t('conferences.refer.kind')}
            layout="stack"
            value={kind}
            onChange={(value) => setKind(value as ReferrerKind)}
            errorMessage={problems.error('referrerKind')}
            options={referrerKinds.map((value) => ({
              value,
              label: t(`conferences.referrerKinds.${value}`),
            }))}
          />
          {kind && forOrganisation.has(kind) ? (
            <TextField
              id={fieldIds.referrerOrganisation}
              label={t('conferences.refer.organisation')}
              autoComplete="organization"
              value={organisation}
              onChange={setOrganisation}
              errorMessage={problems.error('referrerOrganisation')}
            />
          ) : null}
          <TextField
            id={fieldIds.referrerName}
            label={t('conferences.refer.name')}
            autoComplete="name"
            value={name}
            onChange={setName}
            errorMessage={problems.error('referrerName')}
          />
          <TextField
            id={fieldIds.referrerContact}
            label={t('conferences.refer.contact')}
            description={t('conferences.refer.contactHelp')}
            value={contact}
            onChange={setContact}
            errorMessage={problems.error('referrerContact')}
          />
        </fieldset>
        <fieldset className="form-section">
          <legend className="form-section__legend">{t('conferences.refer.whatHappened')}</legend>
          <TextField
            id={fieldIds.incidentSummary}
            label={t('conferences.refer.summary')}
            description={t('conferences.refer.summaryHelp')}
            multiline
            value={summary}
            onChange={setSummary}
            errorMessage={problems.error('incidentSummary')}
          />
          <DateField
            id={fieldIds.incidentOn}
            label={t('conferences.refer.day')}
            description={t('conferences.refer.dayHelp')}
            value={day}
            onChange={setDay}
            errorMessage={problems.error('incidentOn')}
          />
          <SelectField
            id={fieldIds.harmType}
            label={t('conferences.refer.harm')}
            description={t('conferences.refer.harmHelp')}
            placeholder={t('conferences.refer.harmChoose')}
            value={harmType}
            onChange={setHarmType}
            errorMessage={problems.error('harmType')}
            options={harmTypes.map((harm) => ({
              value: harm.id,
              label: harmLabel(harm.id, harm.label),
            }))}
          />
          <TextField
            id={fieldIds.peopleInvolved}
            label={t('conferences.refer.people')}
            description={t('conferences.refer.peopleHelp')}
            multiline
            value={people}
            onChange={setPeople}
            errorMessage={problems.error('peopleInvolved')}
          />
          <RadioGroup
            id={fieldIds.urgency}
            label={t('conferences.refer.urgency')}
            layout="stack"
            value={urgency}
            onChange={(value) => setUrgency(value as Urgency)}
            errorMessage={problems.error('urgency')}
            options={urgencies.map((value) => ({
              value,
              label: t(`conferences.urgencies.${value}`),
              description: t(`conferences.refer.urgencyHelp.${value}`),
            }))}
          />
        </fieldset>
        <p className="form-page__note">{t('conferences.refer.privacy')}</p>
        <FormActions submit={t('conferences.refer.submit')} isBusy={mutation.isPending} />
      </Form>
    </>
  );
}

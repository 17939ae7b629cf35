import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AddItemBody, CaseDetail } from '../../../shared/conferences/contract.ts';
import { type ItemKind, itemKinds } from '../../../shared/conferences/names.ts';
import type { ProgramSummary } from '../../../shared/organisations/contract.ts';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { addItem, fetchConferencePeople, peopleKey } from './api.ts';
import { InstalmentsField, instalmentIds } from './InstalmentsField.tsx';
import { type Answerer, bodyOf, emptyDraft, type ItemDraft } from './item-draft.ts';
import { useStaffLabel } from './labels.ts';
import { useCaseChange, useFailureOptions } from './useCaseChange.ts';

const ids = {
  kind: 'item-kind',
  description: 'item-description',
  responsibleKind: 'item-responsible-kind',
  party: 'item-party',
  organisation: 'item-organisation',
  dueOn: 'item-due',
  verification: 'item-verification',
  verifier: 'item-verifier',
  amount: 'item-amount',
  currency: 'item-currency',
  meetingAt: 'item-meeting',
};

/** A new agreement item: what, who answers for it, by when, how it is verified, and by whom. */
export function AddItemForm({
  detail,
  program,
}: {
  detail: CaseDetail;
  program: ProgramSummary | undefined;
}) {
  const { t } = useTranslation();
  const staffLabel = useStaffLabel();
  const [draft, setDraft] = useState<ItemDraft>(emptyDraft);
  const change = (patch: Partial<ItemDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const people = useQuery({
    queryKey: peopleKey(detail.programId),
    queryFn: ({ signal }) => fetchConferencePeople(detail.programId, signal),
  });
  const fieldIds: Record<string, string> = {
    kind: ids.kind,
    description: ids.description,
    responsible: draft.answerer === 'party' ? ids.party : ids.organisation,
    'responsible.partyId': ids.party,
    'responsible.organisationId': ids.organisation,
    dueOn: ids.dueOn,
    verification: ids.verification,
    verifierPersonId: ids.verifier,
    restitution: ids.amount,
    'restitution.amountCents': ids.amount,
    'restitution.currency': ids.currency,
    'restitution.instalments': ids.amount,
    ...Object.fromEntries(
      draft.instalments.flatMap((row, index) => [
        [`restitution.instalments.${index}.dueOn`, instalmentIds(row.key).dueOn],
        [`restitution.instalments.${index}.amountCents`, instalmentIds(row.key).amount],
      ]),
    ),
    meetingAt: ids.meetingAt,
  };
  const problems = useFormProblems(fieldIds);
  const failure = useFailureOptions<string>();
  const mutation = useCaseChange(
    (body: AddItemBody) => addItem(detail.id, body),
    t('conferences.items.added'),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(bodyOf(draft), {
      onSuccess: () => {
        problems.clear();
        setDraft(emptyDraft);
      },
      onError: (error) => problems.showFailure(error, failure),
    });
  }

  const parties = detail.parties.filter((party) => !party.removed);
  return (
    <div className="case-subsection">
      <h3>{t('conferences.items.addHeading')}</h3>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <SelectField
          id={ids.kind}
          label={t('conferences.items.kind')}
          placeholder={t('conferences.items.kindChoose')}
          value={draft.kind}
          onChange={(kind) => change({ kind: kind as ItemKind | '' })}
          errorMessage={problems.error('kind')}
          options={itemKinds.map((value) => ({
            value,
            label: t(`conferences.itemKinds.${value}`),
          }))}
        />
        <TextField
          id={ids.description}
          label={t('conferences.items.description')}
          description={t('conferences.items.descriptionHelp')}
          multiline
          value={draft.description}
          onChange={(description) => change({ description })}
          errorMessage={problems.error('description')}
        />
        <RadioGroup
          id={ids.responsibleKind}
          label={t('conferences.items.responsibleKind')}
          value={draft.answerer}
          onChange={(answerer) => change({ answerer: answerer as Answerer })}
          options={(['party', 'organisation'] as const).map((value) => ({
            value,
            label: t(`conferences.items.answerers.${value}`),
          }))}
        />
        {draft.answerer === 'party' ? (
          <SelectField
            id={ids.party}
            label={t('conferences.items.party')}
            placeholder={t('conferences.items.partyChoose')}
            value={draft.partyId}
            onChange={(partyId) => change({ partyId })}
            errorMessage={problems.error('responsible.partyId') ?? problems.error('responsible')}
            options={parties.map((party) => ({
              value: party.id,
              label: `${party.name} (${t(`conferences.roles.${party.role}`)})`,
            }))}
          />
        ) : (
          <SelectField
            id={ids.organisation}
            label={t('conferences.items.organisation')}
            placeholder={t('conferences.items.organisationChoose')}
            value={draft.organisationId}
            onChange={(organisationId) => change({ organisationId })}
            errorMessage={
              problems.error('responsible.organisationId') ?? problems.error('responsible')
            }
            options={(program?.organisations ?? []).map((organisation) => ({
              value: organisation.id,
              label: organisation.name,
            }))}
          />
        )}
        <DateField
          id={ids.dueOn}
          label={t('conferences.items.dueOn')}
          value={draft.dueOn}
          onChange={(dueOn) => change({ dueOn })}
          errorMessage={problems.error('dueOn')}
        />
        <TextField
          id={ids.verification}
          label={t('conferences.items.verification')}
          description={t('conferences.items.verificationHelp')}
          multiline
          value={draft.verification}
          onChange={(verification) => change({ verification })}
          errorMessage={problems.error('verification')}
        />
        <SelectField
          id={ids.verifier}
          label={t('conferences.items.verifier')}
          placeholder={t('conferences.items.verifierNone')}
          value={draft.verifierId}
          onChange={(verifierId) => change({ verifierId })}
          errorMessage={problems.error('verifierPersonId')}
          options={(people.data ?? []).map((person) => ({
            value: person.personId,
            label: staffLabel(person),
          }))}
        />
        {draft.kind === 'restitution' ? (
          <div className="item-restitution-fields">
            <div className="item-restitution-fields__amount">
              <TextField
                id={ids.amount}
                className="field--short"
                label={t('conferences.items.amount')}
                inputMode="decimal"
                value={draft.amount}
                onChange={(amount) => change({ amount })}
                errorMessage={
                  problems.error('restitution.amountCents') ?? problems.error('restitution')
                }
              />
              <TextField
                id={ids.currency}
                className="field--short"
                label={t('conferences.items.currency')}
                description={t('conferences.items.currencyHelp')}
                value={draft.currency}
                onChange={(currency) => change({ currency })}
                errorMessage={problems.error('restitution.currency')}
              />
            </div>
            <InstalmentsField
              rows={draft.instalments}
              onChange={(instalments) =>
                // An item with no day yet is due when its last payment is.
                change({
                  instalments,
                  dueOn: draft.dueOn || (instalments.at(-1)?.dueOn ?? ''),
                })
              }
              amount={draft.amount}
              currency={draft.currency}
              error={problems.error('restitution.instalments')}
              rowError={(index, part) => problems.error(`restitution.instalments.${index}.${part}`)}
            />
          </div>
        ) : null}
        {draft.kind === 'meeting' ? (
          <DateField
            withTime
            id={ids.meetingAt}
            label={t('conferences.items.meetingAt')}
            value={draft.meetingAt}
            onChange={(meetingAt) => change({ meetingAt })}
            errorMessage={problems.error('meetingAt')}
          />
        ) : null}
        <FormActions submit={t('conferences.items.add')} isBusy={mutation.isPending} />
      </Form>
    </div>
  );
}

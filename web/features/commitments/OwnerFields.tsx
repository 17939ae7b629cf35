import { useTranslation } from 'react-i18next';
import type { CommitmentOwnerChoices } from '../../../shared/commitments/contract.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';

export type OwnerKind = 'person' | 'organisation';

export interface OwnerValue {
  kind: OwnerKind;
  personId: string;
  organisationId: string;
  unit: string;
}

export const ownerFieldIds = {
  kind: 'commitment-owner-kind',
  person: 'commitment-owner-person',
  organisation: 'commitment-owner-organisation',
  unit: 'commitment-owner-unit',
} as const;

/**
 * Who answers for the commitment: a person of the program (named with their organisation, so
 * that two people of the same name can be told apart), or an organisation and a part of it.
 */
export function OwnerFields({
  choices,
  value,
  onChange,
  ownerError,
  unitError,
}: {
  choices: CommitmentOwnerChoices;
  value: OwnerValue;
  onChange: (value: OwnerValue) => void;
  ownerError?: string;
  unitError?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <RadioGroup
        id={ownerFieldIds.kind}
        label={t('commitments.new.ownerKind')}
        layout="stack"
        value={value.kind}
        onChange={(kind) =>
          onChange({ ...value, kind: kind === 'organisation' ? 'organisation' : 'person' })
        }
        options={[
          {
            value: 'person',
            label: t('commitments.new.ownerPerson'),
            description: t('commitments.new.ownerPersonHelp'),
          },
          {
            value: 'organisation',
            label: t('commitments.new.ownerOrganisation'),
            description: t('commitments.new.ownerOrganisationHelp'),
          },
        ]}
      />
      {value.kind === 'person' ? (
        <SelectField
          id={ownerFieldIds.person}
          label={t('commitments.new.person')}
          placeholder={t('commitments.new.choosePerson')}
          value={value.personId}
          onChange={(personId) => onChange({ ...value, personId })}
          errorMessage={ownerError}
          options={choices.people.map((person) => ({
            value: person.id,
            label: t(
              person.officer ? 'commitments.new.officerOption' : 'commitments.new.personOption',
              { name: person.name, organisation: person.organisation.name },
            ),
          }))}
        />
      ) : (
        <>
          <SelectField
            id={ownerFieldIds.organisation}
            label={t('commitments.new.organisation')}
            placeholder={t('commitments.new.chooseOrganisation')}
            value={value.organisationId}
            onChange={(organisationId) => onChange({ ...value, organisationId })}
            errorMessage={ownerError}
            options={choices.organisations.map((organisation) => ({
              value: organisation.id,
              label: organisation.name,
            }))}
          />
          <TextField
            id={ownerFieldIds.unit}
            label={t('commitments.new.unit')}
            description={t('commitments.new.unitHelp')}
            value={value.unit}
            onChange={(unit) => onChange({ ...value, unit })}
            errorMessage={unitError}
          />
        </>
      )}
    </>
  );
}

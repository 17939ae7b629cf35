import { useTranslation } from 'react-i18next';
import type { CommitmentOwnerChoices } from '../../../shared/commitments/contract.ts';
import { commitmentVisibilities } from '../../../shared/commitments/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';

/** One drafted commitment as the keeper types it; `owner` is "person:<id>" or "organisation:<id>". */
export interface CommitmentRow {
  key: number;
  title: string;
  description: string;
  owner: string;
  dueOn: string;
  visibility: (typeof commitmentVisibilities)[number];
}

export const rowFieldIds = (index: number) => ({
  title: `harvest-commitment-${index}-title`,
  description: `harvest-commitment-${index}-description`,
  owner: `harvest-commitment-${index}-owner`,
  dueOn: `harvest-commitment-${index}-due`,
  visibility: `harvest-commitment-${index}-visibility`,
});

/** The owner's choice as the API takes it, from the select's value. */
export function ownerOf(value: string) {
  const [kind, id = ''] = value.split(':');
  return kind === 'organisation'
    ? { kind: 'organisation' as const, organisationId: id, unit: '' }
    : { kind: 'person' as const, personId: id };
}

/** The fields of one commitment: what, more detail, who owns it, by when, and who may see it. */
export function HarvestCommitmentFields({
  row,
  index,
  choices,
  errors,
  onChange,
  onRemove,
}: {
  row: CommitmentRow;
  index: number;
  choices: CommitmentOwnerChoices;
  errors: Partial<Record<keyof ReturnType<typeof rowFieldIds>, string>>;
  onChange: (row: CommitmentRow) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const ids = rowFieldIds(index);
  const number = index + 1;
  return (
    <fieldset className="harvest-commitment">
      <legend className="harvest-commitment__legend">
        {t('circles.harvest.commitmentNumber', { number })}
      </legend>
      <TextField
        id={ids.title}
        label={t('circles.harvest.commitmentTitle')}
        description={t('circles.harvest.commitmentTitleHelp')}
        value={row.title}
        onChange={(title) => onChange({ ...row, title })}
        errorMessage={errors.title}
      />
      <TextField
        id={ids.description}
        label={t('circles.harvest.commitmentDescription')}
        multiline
        value={row.description}
        onChange={(description) => onChange({ ...row, description })}
        errorMessage={errors.description}
      />
      <SelectField
        id={ids.owner}
        label={t('circles.harvest.owner')}
        description={t('circles.harvest.ownerHelp')}
        placeholder={t('circles.harvest.chooseOwner')}
        value={row.owner}
        onChange={(owner) => onChange({ ...row, owner })}
        options={[
          ...choices.people.map((person) => ({
            value: `person:${person.id}`,
            label: t(
              person.officer ? 'circles.harvest.officerOption' : 'circles.harvest.personOption',
              { name: person.name, organisation: person.organisation.name },
            ),
          })),
          ...choices.organisations.map((organisation) => ({
            value: `organisation:${organisation.id}`,
            label: t('circles.harvest.organisationOption', { organisation: organisation.name }),
          })),
        ]}
        errorMessage={errors.owner}
      />
      <DateField
        id={ids.dueOn}
        label={t('circles.harvest.dueOn')}
        value={row.dueOn}
        onChange={(dueOn) => onChange({ ...row, dueOn })}
        errorMessage={errors.dueOn}
      />
      <SelectField
        id={ids.visibility}
        label={t('circles.harvest.visibility')}
        value={row.visibility}
        onChange={(visibility) =>
          onChange({ ...row, visibility: visibility as CommitmentRow['visibility'] })
        }
        options={commitmentVisibilities.map((value) => ({
          value,
          label: t(`commitments.visibilities.${value}.label`),
        }))}
        errorMessage={errors.visibility}
      />
      <Button variant="quiet" onPress={onRemove}>
        {t('circles.harvest.removeCommitment', { number })}
      </Button>
    </fieldset>
  );
}

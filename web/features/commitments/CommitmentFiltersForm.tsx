import { useTranslation } from 'react-i18next';
import {
  type CommitmentFilters,
  commitmentSources,
  dueFilters,
} from '../../../shared/commitments/contract.ts';
import { commitmentStatuses } from '../../../shared/commitments/machine.ts';
import type { ProgramSummary } from '../../../shared/organisations/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';

/**
 * The list's filters. Each applies as soon as it is chosen (the list below changes, focus stays
 * where it is) and lives in the address, so a filtered list can be bookmarked or shared.
 */
export function CommitmentFiltersForm({
  program,
  filters,
  onChange,
}: {
  program: ProgramSummary;
  filters: CommitmentFilters;
  onChange: (filters: CommitmentFilters) => void;
}) {
  const { t } = useTranslation();
  const set = (name: keyof CommitmentFilters) => (value: string) =>
    onChange({ ...filters, [name]: value || undefined });
  const filtered = Object.values(filters).some(Boolean);
  return (
    // Folded by default: on a phone the list, not four choices, is what comes first. It opens
    // by itself when a filter is on, so that what narrows the list is in sight.
    <details className="commitment-filters" open={filtered || undefined}>
      <summary className="commitment-filters__summary">
        {t('commitments.list.filtersLabel')}
      </summary>
      <fieldset className="commitment-filters__fieldset">
        <legend className="visually-hidden">{t('commitments.list.filtersLabel')}</legend>
        <div className="commitment-filters__fields">
          <SelectField
            label={t('commitments.list.status')}
            placeholder={t('commitments.list.anyStatus')}
            value={filters.status ?? ''}
            onChange={set('status')}
            options={commitmentStatuses.map((value) => ({
              value,
              label: t(`commitments.statuses.${value}`),
            }))}
          />
          <SelectField
            label={t('commitments.list.source')}
            placeholder={t('commitments.list.anySource')}
            value={filters.source ?? ''}
            onChange={set('source')}
            options={commitmentSources.map((value) => ({
              value,
              label: t(`commitments.sources.${value}`),
            }))}
          />
          <SelectField
            label={t('commitments.list.owner')}
            placeholder={t('commitments.list.anyOwner')}
            value={filters.owner ?? ''}
            onChange={set('owner')}
            options={program.organisations.map((organisation) => ({
              value: organisation.id,
              label: organisation.name,
            }))}
          />
          <SelectField
            label={t('commitments.list.due')}
            placeholder={t('commitments.list.anyDue')}
            value={filters.due ?? ''}
            onChange={set('due')}
            options={dueFilters.map((value) => ({
              value,
              label: t(`commitments.list.dueChoices.${value}`),
            }))}
          />
        </div>
        {filtered ? (
          <Button variant="quiet" onPress={() => onChange({})}>
            {t('commitments.list.showAll')}
          </Button>
        ) : null}
      </fieldset>
    </details>
  );
}

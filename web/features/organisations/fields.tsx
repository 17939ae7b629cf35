import { useTranslation } from 'react-i18next';
import type { OrganisationResponse } from '../../../shared/organisations/contract.ts';
import { roles } from '../../../shared/permissions/roles.ts';
import { SelectField } from '../../ui/SelectField.tsx';

interface ChoiceProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
}

/** Which role to give: every role, named in the reader's language. */
export function RoleField(props: ChoiceProps) {
  const { t } = useTranslation();
  return (
    <SelectField
      {...props}
      label={t('admin.people.role')}
      placeholder={t('admin.people.chooseRole')}
      options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
    />
  );
}

/** Which of the organisation's programs; `placeholder` says what no choice means. */
export function ProgramField({
  organisation,
  placeholder,
  ...props
}: ChoiceProps & { organisation: OrganisationResponse; placeholder: string }) {
  const { t } = useTranslation();
  return (
    <SelectField
      {...props}
      label={t('admin.people.program')}
      placeholder={placeholder}
      options={organisation.programs.map((program) => ({
        value: program.id,
        label: program.name,
      }))}
    />
  );
}

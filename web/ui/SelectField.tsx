import { NativeField, type NativeFieldProps } from './NativeField.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A labelled native <select>: on a phone it opens the system's own picker, which people know
 * and which works with every screen reader.
 */
export function SelectField({
  options,
  value,
  onChange,
  placeholder,
  ...field
}: NativeFieldProps & {
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  /** A first, empty choice, e.g. "Choose a role". */
  placeholder?: string;
}) {
  return (
    <NativeField {...field}>
      {(control) => (
        <select
          {...control}
          className="field__input field__select"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </NativeField>
  );
}

import { useId } from 'react';
import './field.css';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A labelled native <select>: on a phone it opens the system's own picker, which people know
 * and which works with every screen reader.
 */
export function SelectField({
  id,
  label,
  description,
  options,
  value,
  onChange,
  errorMessage,
  placeholder,
}: {
  id?: string;
  label: string;
  description?: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
  /** A first, empty choice, e.g. "Choose a role". */
  placeholder?: string;
}) {
  const generated = useId();
  const selectId = id ?? generated;
  const descriptionId = `${selectId}-description`;
  const errorId = `${selectId}-error`;
  const describedBy = [description ? descriptionId : '', errorMessage ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={selectId} className="field__label">
        {label}
      </label>
      {description ? (
        <span id={descriptionId} className="field__description">
          {description}
        </span>
      ) : null}
      <select
        id={selectId}
        className="field__input field__select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errorMessage ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-invalid={errorMessage ? true : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errorMessage ? (
        <span id={errorId} className="field__error">
          {errorMessage}
        </span>
      ) : null}
    </div>
  );
}

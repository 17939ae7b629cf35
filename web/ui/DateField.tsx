import { useId } from 'react';
import './field.css';

/**
 * A labelled native date input (value YYYY-MM-DD): a phone opens its own calendar, and a
 * keyboard or screen reader user types the day as they are used to in their language.
 */
export function DateField({
  id,
  label,
  description,
  value,
  onChange,
  errorMessage,
  min,
}: {
  id?: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
  /** The earliest day the calendar offers; a day typed before it still goes to the server. */
  min?: string;
}) {
  const generated = useId();
  const inputId = id ?? generated;
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const describedBy = [description ? descriptionId : '', errorMessage ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={inputId} className="field__label">
        {label}
      </label>
      {description ? (
        <span id={descriptionId} className="field__description">
          {description}
        </span>
      ) : null}
      <input
        id={inputId}
        type="date"
        className="field__input field__date"
        value={value}
        min={min}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errorMessage ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-invalid={errorMessage ? true : undefined}
      />
      {errorMessage ? (
        <span id={errorId} className="field__error">
          {errorMessage}
        </span>
      ) : null}
    </div>
  );
}

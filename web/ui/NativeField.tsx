import { type ReactNode, useId } from 'react';
import './field.css';

/** What a native control inside a field carries: its id, and where its help and error are. */
export interface NativeControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'data-invalid': true | undefined;
}

export interface NativeFieldProps {
  id?: string;
  label: string;
  description?: string;
  errorMessage?: string;
}

/**
 * The frame of a field around a native control (a <select>, a date input): its label, its help
 * and its error, tied to the control so that a screen reader reads them with it.
 */
export function NativeField({
  id,
  label,
  description,
  errorMessage,
  children,
}: NativeFieldProps & { children: (control: NativeControlProps) => ReactNode }) {
  const generated = useId();
  const controlId = id ?? generated;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const describedBy = [description ? descriptionId : '', errorMessage ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={controlId} className="field__label">
        {label}
      </label>
      {description ? (
        <span id={descriptionId} className="field__description">
          {description}
        </span>
      ) : null}
      {children({
        id: controlId,
        'aria-invalid': errorMessage ? true : undefined,
        'aria-describedby': describedBy || undefined,
        'data-invalid': errorMessage ? true : undefined,
      })}
      {errorMessage ? (
        <span id={errorId} className="field__error">
          {errorMessage}
        </span>
      ) : null}
    </div>
  );
}

import type { ReactNode } from 'react';
import {
  Checkbox as AriaCheckbox,
  type CheckboxProps as AriaCheckboxProps,
} from 'react-aria-components';
import './checkbox.css';

export interface CheckboxProps extends Omit<AriaCheckboxProps, 'children'> {
  children: ReactNode;
  /** A message from the page's own checks; the box is marked invalid while it is set. */
  errorMessage?: string;
}

/** A checkbox whose whole row, words included, is the tap target. */
export function Checkbox({
  children,
  errorMessage,
  className,
  isInvalid,
  ...props
}: CheckboxProps) {
  return (
    <div className={`checkbox-field ${className ?? ''}`.trim()}>
      <AriaCheckbox
        {...props}
        isInvalid={isInvalid ?? (errorMessage ? true : undefined)}
        className="checkbox"
      >
        <span className="checkbox__box">
          <svg viewBox="0 0 18 18" width="18" height="18" aria-hidden="true" focusable="false">
            <path
              d="M3.5 9.5l3.5 3.5 7.5-8"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.5"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </span>
        <span className="checkbox__label">{children}</span>
      </AriaCheckbox>
      {errorMessage ? (
        <p className="field__error checkbox-field__error" role="alert">
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}

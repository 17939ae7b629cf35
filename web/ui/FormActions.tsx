import type { ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button.tsx';
import './form.css';

export interface FormActionsProps {
  /** The submit button's words. */
  submit: string;
  isBusy: boolean;
  variant?: ButtonVariant;
  /** A way out without sending, e.g. "Cancel" closing the form. */
  cancel?: { label: string; onPress: () => void };
  /** Anything else beside the buttons, such as a link back. */
  children?: ReactNode;
}

/**
 * The buttons under a form: submit first (full width on a phone, where a thumb reaches for it),
 * then a quiet way out.
 */
export function FormActions({ submit, isBusy, variant, cancel, children }: FormActionsProps) {
  return (
    <div className="form-actions">
      <Button type="submit" variant={variant} isBusy={isBusy}>
        {submit}
      </Button>
      {cancel ? (
        <Button variant="quiet" onPress={cancel.onPress}>
          {cancel.label}
        </Button>
      ) : null}
      {children}
    </div>
  );
}

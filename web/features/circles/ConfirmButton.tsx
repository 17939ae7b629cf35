import type { ReactNode } from 'react';
import { Button, type ButtonVariant } from '../../ui/Button.tsx';
import { Dialog, DialogTrigger } from '../../ui/Dialog.tsx';

/**
 * A button that asks first: a dialog says what will happen, and only its confirm button does
 * it. For what cannot be undone in the room (remove someone, close the circle, hide a message).
 */
export function ConfirmButton({
  label,
  title,
  body,
  confirm,
  cancel,
  onConfirm,
  variant = 'danger',
  triggerVariant = variant,
  className,
  ariaLabel,
}: {
  label: string;
  title: string;
  body: ReactNode;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  /** The confirm button's look; the trigger's is `triggerVariant`, the same unless given. */
  variant?: ButtonVariant;
  /** A quieter trigger for a tool repeated down a list (hide, report). */
  triggerVariant?: ButtonVariant;
  className?: string;
  /** A fuller name for the button when its label alone is ambiguous ("Report" what?). */
  ariaLabel?: string;
}) {
  return (
    <DialogTrigger>
      <Button variant={triggerVariant} className={className} aria-label={ariaLabel}>
        {label}
      </Button>
      <Dialog title={title}>
        {(close) => (
          <>
            {typeof body === 'string' ? <p>{body}</p> : body}
            <div className="form-actions">
              <Button
                variant={variant === 'quiet' ? 'primary' : variant}
                onPress={() => {
                  close();
                  onConfirm();
                }}
              >
                {confirm}
              </Button>
              <Button variant="quiet" onPress={close}>
                {cancel}
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </DialogTrigger>
  );
}

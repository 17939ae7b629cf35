import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
  composeRenderProps,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import './button.css';

/**
 * primary: the one main action; secondary: other actions; danger: an action that takes
 * something away (remove, withdraw, disable), outlined so it reads as a button but stays quiet
 * beside the main action; quiet: a minor action such as closing.
 */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends Omit<AriaButtonProps, 'isPending'> {
  variant?: ButtonVariant;
  /**
   * Waiting for the server: the button shows a turning ring and "Please wait" is announced.
   * It stays focusable and pressable, so the caller must ignore presses while busy.
   * (React Aria's own `isPending` leaves behind announcements that point at a button that is
   * gone once the page moves on, which axe rightly reports.)
   */
  isBusy?: boolean;
}

/** The class names that make an element look like a button, e.g. a link that acts as one. */
export function buttonClassName(variant: ButtonVariant = 'primary'): string {
  return `button button--${variant}`;
}

/** A button with a 44px tap target, a visible focus ring and press feedback (RAC Button). */
export function Button({ variant = 'primary', className, isBusy = false, ...props }: ButtonProps) {
  const { t } = useTranslation();
  const classes = isBusy ? `${buttonClassName(variant)} button--busy` : buttonClassName(variant);
  return (
    <>
      <AriaButton
        {...props}
        aria-busy={isBusy || undefined}
        className={composeRenderProps(className, (extra) =>
          extra ? `${classes} ${extra}` : classes,
        )}
      />
      <span className="visually-hidden" aria-live="polite">
        {isBusy ? t('ui.busy') : ''}
      </span>
    </>
  );
}

import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
  composeRenderProps,
} from 'react-aria-components';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet';

export interface ButtonProps extends AriaButtonProps {
  variant?: ButtonVariant;
}

/** The class names that make an element look like a button, e.g. a link that acts as one. */
export function buttonClassName(variant: ButtonVariant = 'primary'): string {
  return `button button--${variant}`;
}

/** A button with a 44px tap target, a visible focus ring and press feedback (RAC Button). */
export function Button({ variant = 'primary', className, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      className={composeRenderProps(className, (extra) =>
        extra ? `${buttonClassName(variant)} ${extra}` : buttonClassName(variant),
      )}
    />
  );
}

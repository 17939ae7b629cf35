import { useId, useState } from 'react';
import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import './field.css';

export interface PasswordFieldProps
  extends Omit<AriaTextFieldProps, 'children' | 'type' | 'autoComplete'> {
  label: string;
  description?: string;
  /** As on TextField: a message from the server or the page's own checks. */
  errorMessage?: string;
  /** "new-password" when choosing one, "current-password" when signing in. */
  autoComplete: 'new-password' | 'current-password';
}

/**
 * A password input with a Show/Hide button, so people on a phone can check what they typed.
 * The button's name says what it does ("Show password"), and the change is announced.
 */
export function PasswordField({
  label,
  description,
  errorMessage,
  autoComplete,
  className,
  isInvalid,
  id,
  ...props
}: PasswordFieldProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  // Nothing is announced until the button is first used.
  const [toggled, setToggled] = useState(false);
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <AriaTextField
      {...props}
      id={inputId}
      type={shown ? 'text' : 'password'}
      autoComplete={autoComplete}
      isInvalid={isInvalid ?? (errorMessage ? true : undefined)}
      className={`field password-field ${className ?? ''}`.trim()}
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <div className="password-field__row">
        <Input
          className="field__input password-field__input"
          spellCheck={false}
          autoCapitalize="none"
          autoCorrect="off"
        />
        <Button
          variant="secondary"
          className="password-field__toggle"
          aria-controls={inputId}
          aria-label={shown ? t('ui.password.hideLabel') : t('ui.password.showLabel')}
          onPress={() => {
            setShown((value) => !value);
            setToggled(true);
          }}
        >
          {shown ? t('ui.password.hide') : t('ui.password.show')}
        </Button>
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <span className="visually-hidden" aria-live="polite">
        {toggled ? (shown ? t('ui.password.nowShown') : t('ui.password.nowHidden')) : ''}
      </span>
    </AriaTextField>
  );
}

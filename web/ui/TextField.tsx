import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
} from 'react-aria-components';
import './field.css';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: string;
  /** Help shown under the label, linked to the input with aria-describedby. */
  description?: string;
  /**
   * A message for this field from the server (a 4xx field error) or from the page's own checks.
   * When set, the field is marked invalid and the message is announced with the field.
   */
  errorMessage?: string;
  /** A multi-line text area instead of a single-line input. */
  multiline?: boolean;
  placeholder?: string;
}

/**
 * A labelled text input. Built-in validation (isRequired, type="email", …) and a message from
 * the server both show in the same place under the field.
 */
export function TextField({
  label,
  description,
  errorMessage,
  multiline = false,
  placeholder,
  className,
  isInvalid,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      isInvalid={isInvalid ?? (errorMessage ? true : undefined)}
      className={`field ${className ?? ''}`.trim()}
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      {multiline ? (
        <TextArea className="field__input field__input--multiline" placeholder={placeholder} />
      ) : (
        <Input className="field__input" placeholder={placeholder} />
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}

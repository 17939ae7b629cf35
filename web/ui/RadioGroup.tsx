import {
  RadioGroup as AriaRadioGroup,
  type RadioGroupProps as AriaRadioGroupProps,
  FieldError,
  Label,
  Radio,
  Text,
} from 'react-aria-components';
import './field.css';
import './radio-group.css';

export interface RadioOption {
  value: string;
  label: string;
  /** A line under the label that says what choosing it means. */
  description?: string;
  /** The label's language when it differs from the page's (e.g. "Español" on an English page). */
  lang?: string;
}

export interface RadioGroupProps extends Omit<AriaRadioGroupProps, 'children'> {
  label: string;
  description?: string;
  options: readonly RadioOption[];
  /** 'stack': one option a row at every width, for longer labels. */
  layout?: 'grid' | 'stack';
  /** As on TextField: a message from the server or the page's own checks. */
  errorMessage?: string;
}

/**
 * One choice out of a few, each shown as a full-width row that is easy to tap. Arrow keys move
 * between the options; the group's label and message are announced with each one.
 */
export function RadioGroup({
  label,
  description,
  options,
  errorMessage,
  className,
  isInvalid,
  layout = 'grid',
  ...props
}: RadioGroupProps) {
  return (
    <AriaRadioGroup
      {...props}
      isInvalid={isInvalid ?? (errorMessage ? true : undefined)}
      className={`field radio-group ${className ?? ''}`.trim()}
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <div className={`radio-group__options radio-group__options--${layout}`}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} className="radio">
            <span className="radio__mark" aria-hidden="true" />
            <span className="radio__text">
              <span className="radio__label" lang={option.lang}>
                {option.label}
              </span>
              {option.description ? (
                <span className="radio__description">{option.description}</span>
              ) : null}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaRadioGroup>
  );
}

import { NativeField, type NativeFieldProps } from './NativeField.tsx';

/**
 * A labelled native date input (value YYYY-MM-DD), or date and time with `withTime` (value
 * YYYY-MM-DDTHH:mm): a phone opens its own picker, and a keyboard or screen reader user types
 * the day and the time as they are used to in their language.
 */
export function DateField({
  value,
  onChange,
  min,
  withTime = false,
  ...field
}: NativeFieldProps & {
  value: string;
  onChange: (value: string) => void;
  /** The earliest day (or moment) the picker offers; an earlier one typed still goes to the server. */
  min?: string;
  withTime?: boolean;
}) {
  return (
    <NativeField {...field}>
      {(control) => (
        <input
          {...control}
          type={withTime ? 'datetime-local' : 'date'}
          className={
            withTime ? 'field__input field__date field__date-time' : 'field__input field__date'
          }
          value={value}
          min={min}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </NativeField>
  );
}

import { NativeField, type NativeFieldProps } from './NativeField.tsx';

/**
 * A labelled native date-and-time input (value YYYY-MM-DDTHH:mm): a phone opens its own picker,
 * and a keyboard user types the day and the time as they are used to in their language.
 */
export function DateTimeField({
  value,
  onChange,
  min,
  ...field
}: NativeFieldProps & {
  value: string;
  onChange: (value: string) => void;
  /** The earliest moment the picker offers; an earlier one typed still goes to the server. */
  min?: string;
}) {
  return (
    <NativeField {...field}>
      {(control) => (
        <input
          {...control}
          type="datetime-local"
          className="field__input field__date field__date-time"
          value={value}
          min={min}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </NativeField>
  );
}

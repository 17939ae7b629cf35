import { NativeField, type NativeFieldProps } from './NativeField.tsx';

/**
 * A labelled native date input (value YYYY-MM-DD): a phone opens its own calendar, and a
 * keyboard or screen reader user types the day as they are used to in their language.
 */
export function DateField({
  value,
  onChange,
  min,
  ...field
}: NativeFieldProps & {
  value: string;
  onChange: (value: string) => void;
  /** The earliest day the calendar offers; a day typed before it still goes to the server. */
  min?: string;
}) {
  return (
    <NativeField {...field}>
      {(control) => (
        <input
          {...control}
          type="date"
          className="field__input field__date"
          value={value}
          min={min}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </NativeField>
  );
}

import { TextField } from '../../ui/TextField.tsx';

export interface AppCodeFieldProps {
  id: string;
  label: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
}

/**
 * The 6-digit code an authenticator app shows: the phone offers its number pad and, where it
 * can, the code itself; spaces and dashes typed between the digits are allowed.
 */
export function AppCodeField(props: AppCodeFieldProps) {
  return (
    <TextField
      {...props}
      name="code"
      autoComplete="one-time-code"
      inputMode="numeric"
      maxLength={9}
      className="code-field"
    />
  );
}

import { useTranslation } from 'react-i18next';
import { STATEMENT_MAX } from '../../../shared/dialogues/statements.ts';
import { TextField } from '../../ui/TextField.tsx';
import { charactersLeft } from './figures.ts';

/**
 * A statement's words with a live count of what is left of its 280 characters. The count is part
 * of the field's description, so a screen reader hears it with the field; it turns into a
 * warning, in words, once the text is too long.
 */
export function StatementField({
  id,
  label,
  description,
  value,
  onChange,
  errorMessage,
}: {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  const left = charactersLeft(value, STATEMENT_MAX);
  const count =
    left >= 0
      ? t('dialogues.counter.left', { count: left })
      : t('dialogues.counter.over', { count: -left });
  return (
    <div className={left < 0 ? 'dialogue-statement-field is-over' : 'dialogue-statement-field'}>
      <TextField
        id={id}
        label={label}
        description={description ? `${description} ${count}` : count}
        multiline
        value={value}
        onChange={onChange}
        errorMessage={errorMessage}
      />
    </div>
  );
}

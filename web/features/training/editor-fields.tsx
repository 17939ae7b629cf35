import { createContext, type Dispatch, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Translated } from '../../../shared/training/course.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { fieldId } from './editor-problems.ts';
import type { EditorAction } from './editor-state.ts';

// What every part of the course editor shares: how to change the course, its languages, the
// server's messages by anchor, and a confirmation before a part is removed.

export interface EditorTools {
  dispatch: Dispatch<EditorAction>;
  languages: readonly Language[];
  /** The messages placed at an anchor (editor-problems.ts), joined; undefined when none. */
  problemAt: (anchor: string) => string | undefined;
  /** Asks before removing `what` ("module 2"), then dispatches `action`. */
  confirmRemove: (what: string, action: EditorAction) => void;
}

export const EditorContext = createContext<EditorTools | null>(null);

export function useEditor(): EditorTools {
  const tools = useContext(EditorContext);
  if (!tools) throw new Error('An editor part is shown outside the course editor.');
  return tools;
}

/** One text in each of the course's languages, side by side on a wide screen. */
export function TranslatedFields({
  path,
  label,
  value,
  onChange,
  multiline = false,
  description,
  after,
}: {
  /** The anchor of the text: each language's input is at `${path}.${language}`. */
  path: string;
  label: string;
  value: Translated;
  onChange: (value: Translated) => void;
  multiline?: boolean;
  description?: string;
  /** Shown under each language's input: a Markdown preview, say. */
  after?: (language: Language, text: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const { languages, problemAt } = useEditor();
  return (
    <div className={`editor-languages editor-languages--${languages.length}`}>
      {languages.map((language) => (
        <div
          key={language}
          className={`editor-language${after ? ' editor-language--markdown' : ''}`}
        >
          <TextField
            id={fieldId(`${path}.${language}`)}
            label={t('training.editor.inLanguage', {
              field: label,
              language: t(`training.editor.languages.${language}`),
            })}
            description={description}
            multiline={multiline}
            value={value[language] ?? ''}
            onChange={(text) => onChange({ ...value, [language]: text })}
            errorMessage={problemAt(`${path}.${language}`)}
          />
          {after?.(language, value[language] ?? '')}
        </div>
      ))}
    </div>
  );
}

/** The message of a part as a whole (a lesson left without steps, a dead end), under its name. */
export function PartProblem({ anchor }: { anchor: string }) {
  const { problemAt } = useEditor();
  const message = problemAt(anchor);
  return message ? <p className="field__error editor-part-problem">{message}</p> : null;
}

/** Move up, move down and remove, each naming the part for whoever cannot see where it is. */
export function PartTools({
  name,
  index,
  count,
  onMove,
  onRemove,
}: {
  /** The part's name as a heading says it: "Module 2". */
  name: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="editor-tools">
      {index > 0 ? (
        <Button variant="quiet" onPress={() => onMove(-1)}>
          {t('training.editor.parts.moveUp')}
          <span className="visually-hidden">: {name}</span>
        </Button>
      ) : null}
      {index < count - 1 ? (
        <Button variant="quiet" onPress={() => onMove(1)}>
          {t('training.editor.parts.moveDown')}
          <span className="visually-hidden">: {name}</span>
        </Button>
      ) : null}
      <Button variant="danger" onPress={onRemove}>
        {t('training.editor.parts.remove')}
        <span className="visually-hidden">: {name}</span>
      </Button>
    </div>
  );
}

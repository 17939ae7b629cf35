import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { DialogueDetail, MyStatement } from '../../../shared/dialogues/contract.ts';
import { isLanguage } from '../../i18n/languages.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { addStatement, mineKey } from './api.ts';
import { dialogueFieldMessage } from './field-messages.ts';
import { Outcome } from './MyStatements.tsx';
import { StatementField } from './StatementField.tsx';

const fieldIds = { text: 'dialogue-new-statement' } as const;

/**
 * A participant's own statement, at most 280 characters with a live counter; once sent, what
 * became of it (published, waiting for a facilitator, held for a facilitator to reach out, or
 * not published and why) is said where the form was.
 */
export function AddStatement({ dialogue }: { dialogue: DialogueDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [sent, setSent] = useState<MyStatement | null>(null);
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({
    mutationFn: (words: string) => {
      const page = i18n.resolvedLanguage;
      const language =
        isLanguage(page) && dialogue.languages.includes(page)
          ? page
          : (dialogue.languages[0] ?? 'en');
      return addStatement(dialogue.id, { text: words, language });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(text, {
      onSuccess: (statement) => {
        problems.clear();
        setText('');
        setSent(statement);
        void queryClient.invalidateQueries({ queryKey: mineKey(dialogue.id) });
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => dialogueFieldMessage(t, problem),
        }),
    });
  }

  return (
    <section className="dialogue-section" aria-labelledby="add-statement-heading">
      <h2 id="add-statement-heading">{t('dialogues.add.heading')}</h2>
      <p>{t('dialogues.add.lead')}</p>
      <div role="status">{sent ? <Outcome statement={sent} /> : null}</div>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <StatementField
          id={fieldIds.text}
          label={t('dialogues.add.label')}
          description={
            dialogue.moderation === 'before'
              ? t('dialogues.add.helpBefore')
              : t('dialogues.add.helpAfter')
          }
          value={text}
          onChange={(value) => {
            setText(value);
            if (sent) setSent(null);
          }}
          errorMessage={problems.error('text')}
        />
        <FormActions submit={t('dialogues.add.submit')} isBusy={mutation.isPending} />
      </Form>
    </section>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DialogueDetail } from '../../../shared/dialogues/contract.ts';
import { SYNTHESIS_MAX } from '../../../shared/dialogues/contract.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { dialogueKey, dialoguesKey, reportKey, saveSynthesis } from './api.ts';
import { dialogueFieldMessage } from './field-messages.ts';

const fieldIds = { synthesis: 'dialogue-synthesis', resultsPublic: 'dialogue-results-public' };

/** The facilitator's synthesis of the common ground, and whether the public may read the results. */
export function SynthesisEditor({
  dialogue,
  synthesis: saved,
}: {
  dialogue: DialogueDetail;
  synthesis: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [synthesis, setSynthesis] = useState(saved);
  const [resultsPublic, setResultsPublic] = useState(dialogue.resultsPublic);
  const problems = useFormProblems(fieldIds);
  const mutation = useMutation({
    mutationFn: () => saveSynthesis(dialogue.id, { synthesis, resultsPublic }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(undefined, {
      onSuccess: (detail) => {
        problems.clear();
        queryClient.setQueryData(dialogueKey(dialogue.id), detail);
        void queryClient.invalidateQueries({ queryKey: reportKey(dialogue.id) });
        void queryClient.invalidateQueries({ queryKey: dialoguesKey, refetchType: 'none' });
        showToast({
          title: detail.resultsPublic
            ? t('dialogues.synthesis.savedPublic')
            : t('dialogues.synthesis.saved'),
        });
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => dialogueFieldMessage(t, problem),
        }),
    });
  }

  return (
    <section className="dialogue-section" aria-labelledby="synthesis-heading">
      <h2 id="synthesis-heading">{t('dialogues.synthesis.heading')}</h2>
      <p>{t('dialogues.synthesis.lead')}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={fieldIds.synthesis}
          label={t('dialogues.synthesis.label')}
          description={t('dialogues.synthesis.help', { max: SYNTHESIS_MAX })}
          multiline
          className="dialogue-synthesis"
          value={synthesis}
          onChange={setSynthesis}
          errorMessage={problems.error('synthesis')}
        />
        <Checkbox
          id={fieldIds.resultsPublic}
          isSelected={resultsPublic}
          onChange={setResultsPublic}
        >
          {t('dialogues.synthesis.public')}
        </Checkbox>
        <p className="field__description">{t('dialogues.synthesis.publicHelp')}</p>
        <FormActions submit={t('dialogues.synthesis.submit')} isBusy={mutation.isPending}>
          {dialogue.resultsPublic ? (
            <Link to={`/public/dialogues/${dialogue.id}`}>
              {t('dialogues.synthesis.viewPublic')}
            </Link>
          ) : null}
        </FormActions>
      </Form>
    </section>
  );
}

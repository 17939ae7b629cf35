import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type JoinDialogueBody,
  type Joined,
  joinDialogueBody,
} from '../../../shared/dialogues/contract.ts';
import { meQueryKey } from '../../app/session.ts';
import { chooseLanguage } from '../../i18n/i18n.ts';
import { isLanguage, type Language, languages } from '../../i18n/languages.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { dialoguesKey } from './api.ts';
import { dialogueFieldMessage } from './field-messages.ts';

const fieldIds = {
  displayName: 'dialogue-join-name',
  neighbourhood: 'dialogue-join-neighbourhood',
  language: 'dialogue-join-language',
  agreeToTakePart: 'dialogue-join-agree',
} as const;
type Field = keyof typeof fieldIds;

/**
 * A name of the person's choosing, an optional neighbourhood, their language and their
 * agreement; `join` sends it (by the public link's token, or as the person signed in). A
 * verified officer is told they will be labelled as one: it is not theirs to remove.
 */
export function JoinForm({
  dialogueLanguages,
  suggestedName,
  officer,
  join,
}: {
  dialogueLanguages: readonly string[];
  suggestedName: string;
  officer: boolean;
  join: (body: JoinDialogueBody) => Promise<Joined>;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const offered = languages.filter((each) => dialogueLanguages.includes(each.code));
  const shown = offered.length > 0 ? offered : languages;
  const pageLanguage = i18n.resolvedLanguage;
  const [chosen, setChosen] = useState<Language | null>(null);
  const language: Language =
    chosen ??
    (isLanguage(pageLanguage) && shown.some((each) => each.code === pageLanguage)
      ? pageLanguage
      : (shown[0]?.code ?? 'en'));
  // The suggestion (the person's own name) may arrive after the form: it shows until they type.
  const [typedName, setTypedName] = useState<string | null>(null);
  const displayName = typedName ?? suggestedName;
  const [neighbourhood, setNeighbourhood] = useState('');
  const [agreed, setAgreed] = useState(false);
  const problems = useFormProblems<Field>(fieldIds);
  const mutation = useMutation({ mutationFn: join });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const body = { displayName, neighbourhood, language, agreeToTakePart: agreed };
    // Checked here first, so that nobody waits on the network to learn the box is not ticked.
    const parsed = joinDialogueBody.safeParse(body);
    if (!parsed.success) {
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (field in fieldIds) {
          fields[field as Field] ??= dialogueFieldMessage(t, {
            field,
            message: issue.message,
            code: issue.code,
          });
        }
      }
      return problems.show(fields);
    }
    mutation.mutate(body as JoinDialogueBody, {
      onSuccess: async (joined) => {
        // A resident who came by the link has an account now, and is signed in with it.
        queryClient.removeQueries({ queryKey: meQueryKey });
        await queryClient.invalidateQueries({ queryKey: dialoguesKey });
        if (language !== i18n.language) await chooseLanguage(language);
        void navigate(`/dialogues/${joined.dialogueId}`);
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => dialogueFieldMessage(t, problem),
          statusMessage: (failure) =>
            failure.problem?.code === 'needs_consent'
              ? t('circles.join.needsConsent')
              : failure.status === 409 || failure.status === 410
                ? t('dialogues.join.notOpen')
                : undefined,
        }),
    });
  }

  return (
    <section className="dialogue-join__form" aria-labelledby="dialogue-join-form">
      <h2 id="dialogue-join-form">{t('dialogues.join.formHeading')}</h2>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={fieldIds.displayName}
          label={t('dialogues.join.name')}
          description={officer ? t('dialogues.join.nameHelpOfficer') : t('dialogues.join.nameHelp')}
          autoComplete="nickname"
          value={displayName}
          onChange={setTypedName}
          errorMessage={problems.error('displayName')}
        />
        {officer ? <p className="form-page__note">{t('dialogues.join.officerLabel')}</p> : null}
        <TextField
          id={fieldIds.neighbourhood}
          label={t('dialogues.join.neighbourhood')}
          description={t('dialogues.join.neighbourhoodHelp')}
          value={neighbourhood}
          onChange={setNeighbourhood}
          errorMessage={problems.error('neighbourhood')}
        />
        <RadioGroup
          id={fieldIds.language}
          label={t('dialogues.join.language')}
          description={t('dialogues.join.languageHelp')}
          value={language}
          onChange={(value) => {
            if (isLanguage(value)) setChosen(value);
          }}
          options={shown.map((each) => ({ value: each.code, label: each.name, lang: each.code }))}
          errorMessage={problems.error('language')}
        />
        <Checkbox
          id={fieldIds.agreeToTakePart}
          isSelected={agreed}
          onChange={setAgreed}
          errorMessage={problems.error('agreeToTakePart')}
        >
          {t('dialogues.join.agree')}
        </Checkbox>
        <FormActions submit={t('dialogues.join.submit')} isBusy={mutation.isPending} />
      </Form>
    </section>
  );
}

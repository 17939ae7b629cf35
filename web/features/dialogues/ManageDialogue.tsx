import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  type DialogueDetail,
  type ModerationMode,
  moderationModes,
} from '../../../shared/dialogues/contract.ts';
import type { ApiError } from '../../app/api.ts';
import { Button } from '../../ui/Button.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { closeDialogue, dialogueKey, dialoguesKey, updateDialogue } from './api.ts';
import { changedFields, changesFormOf, type DialogueChanges } from './dialogue-changes.ts';
import { dialogueFieldMessage } from './field-messages.ts';

// The facilitator's changes to a dialogue that is running or planned: its topic, description,
// dates and moderation, and closing it before its date. An imported conversation is an archive
// and has neither.

const fieldIds = {
  title: 'dialogue-change-title',
  description: 'dialogue-change-description',
  opensAt: 'dialogue-change-opens-at',
  closesAt: 'dialogue-change-closes-at',
  moderation: 'dialogue-change-moderation',
};

function useSaveDetail(dialogueId: string) {
  const queryClient = useQueryClient();
  return (detail: DialogueDetail) => {
    queryClient.setQueryData(dialogueKey(dialogueId), detail);
    void queryClient.invalidateQueries({ queryKey: dialoguesKey });
  };
}

/** The form in a dialog; what was typed stays in place when the server refuses it. */
function ChangeForm({
  dialogue,
  form,
  setForm,
  close,
}: {
  dialogue: DialogueDetail;
  form: DialogueChanges;
  setForm: (update: (form: DialogueChanges) => DialogueChanges) => void;
  close: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveDetail(dialogue.id);
  const problems = useFormProblems<keyof typeof fieldIds>(fieldIds);
  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof changedFields>) => updateDialogue(dialogue.id, body),
  });
  const set =
    <K extends keyof DialogueChanges>(key: K) =>
    (value: DialogueChanges[K]) =>
      setForm((previous) => ({ ...previous, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const body = changedFields(dialogue, form);
    if (Object.keys(body).length === 0) {
      close();
      return;
    }
    mutation.mutate(body, {
      onSuccess: (detail) => {
        save(detail);
        close();
        showToast({ title: t('dialogues.manage.changed') });
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => dialogueFieldMessage(t, problem),
          statusMessage: (failure) =>
            failure.status === 409 ? t('dialogues.manage.archived') : undefined,
        }),
    });
  }

  return (
    <>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={fieldIds.title}
          label={t('dialogues.create.topic')}
          value={form.title}
          onChange={set('title')}
          errorMessage={problems.error('title')}
        />
        <TextField
          id={fieldIds.description}
          label={t('dialogues.create.description')}
          description={t('dialogues.create.descriptionHelp')}
          multiline
          value={form.description}
          onChange={set('description')}
          errorMessage={problems.error('description')}
        />
        <DateField
          withTime
          id={fieldIds.opensAt}
          label={t('dialogues.create.opensAt')}
          description={t('dialogues.create.timesHelp')}
          value={form.opensAt}
          onChange={set('opensAt')}
          errorMessage={problems.error('opensAt')}
        />
        <DateField
          withTime
          id={fieldIds.closesAt}
          label={t('dialogues.create.closesAt')}
          value={form.closesAt}
          onChange={set('closesAt')}
          errorMessage={problems.error('closesAt')}
        />
        <RadioGroup
          id={fieldIds.moderation}
          label={t('dialogues.create.moderation')}
          layout="stack"
          value={form.moderation}
          onChange={(value) => set('moderation')(value as ModerationMode)}
          options={moderationModes.map((value) => ({
            value,
            label: t(`dialogues.create.moderations.${value}.label`),
            description: t(`dialogues.create.moderations.${value}.description`),
          }))}
          errorMessage={problems.error('moderation')}
        />
        <div className="form-actions">
          <Button type="submit" isBusy={mutation.isPending}>
            {t('dialogues.manage.save')}
          </Button>
          <Button variant="quiet" onPress={close}>
            {t('dialogues.cancel')}
          </Button>
        </div>
      </Form>
    </>
  );
}

function ChangeDialogue({ dialogue }: { dialogue: DialogueDetail }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [form, setForm] = useState(() => changesFormOf(dialogue));
  return (
    <>
      <Button
        variant="secondary"
        onPress={() => {
          // Each time it opens, the form starts from the dialogue as it is now.
          setForm(changesFormOf(dialogue));
          setOpen(true);
        }}
      >
        {t('dialogues.manage.change')}
      </Button>
      <Dialog title={t('dialogues.manage.change')} isOpen={isOpen} onOpenChange={setOpen}>
        {(close) => <ChangeForm dialogue={dialogue} form={form} setForm={setForm} close={close} />}
      </Dialog>
    </>
  );
}

function CloseBody({ dialogue, close }: { dialogue: DialogueDetail; close: () => void }) {
  const { t } = useTranslation();
  const save = useSaveDetail(dialogue.id);
  const problems = useFormProblems({});
  const mutation = useMutation({ mutationFn: () => closeDialogue(dialogue.id) });
  return (
    <>
      <p>{t('dialogues.manage.closeBody')}</p>
      <ul className="dialogue-close__list">
        <li>{t('dialogues.manage.closeNoMore')}</li>
        <li>{t('dialogues.manage.closeResults')}</li>
        <li>{t('dialogues.manage.closeFinal')}</li>
      </ul>
      {problems.summary}
      <div className="form-actions">
        <Button
          variant="danger"
          isBusy={mutation.isPending}
          onPress={() => {
            if (mutation.isPending) return;
            mutation.mutate(undefined, {
              onSuccess: (detail) => {
                save(detail);
                close();
                showToast({ title: t('dialogues.manage.closed') });
              },
              onError: (error) =>
                problems.showFailure(error, {
                  // Only an open dialogue closes: it may have closed or changed meanwhile.
                  statusMessage: (failure: ApiError) =>
                    failure.status === 409 ? t('dialogues.manage.notOpen') : undefined,
                }),
            });
          }}
        >
          {t('dialogues.manage.closeConfirm')}
        </Button>
        <Button variant="quiet" onPress={close}>
          {t('dialogues.cancel')}
        </Button>
      </div>
    </>
  );
}

function CloseDialogue({ dialogue }: { dialogue: DialogueDetail }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" onPress={() => setOpen(true)}>
        {t('dialogues.manage.close')}
      </Button>
      <Dialog title={t('dialogues.manage.closeTitle')} isOpen={isOpen} onOpenChange={setOpen}>
        {(close) => <CloseBody dialogue={dialogue} close={close} />}
      </Dialog>
    </>
  );
}

/** For those who manage the dialogue: change it, or close it before its date. */
export function ManageDialogue({ dialogue }: { dialogue: DialogueDetail }) {
  const { t } = useTranslation();
  const changeable = dialogue.source === null && dialogue.state !== 'archived';
  const closable = dialogue.state === 'open';
  if (!dialogue.can.moderate || !changeable) return null;
  return (
    <section className="dialogue-section" aria-labelledby="dialogue-manage-heading">
      <h2 id="dialogue-manage-heading">{t('dialogues.manage.heading')}</h2>
      <p>{closable ? t('dialogues.manage.leadOpen') : t('dialogues.manage.lead')}</p>
      <div className="dialogues-page__actions">
        <ChangeDialogue dialogue={dialogue} />
        {closable ? <CloseDialogue dialogue={dialogue} /> : null}
      </div>
    </section>
  );
}

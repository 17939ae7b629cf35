import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type {
  CircleDetail,
  CirclePeople,
  InviteToCircleBody,
} from '../../../shared/circles/contract.ts';
import { ApiError } from '../../app/api.ts';
import { useFormatDate } from '../../i18n/format.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { LanguageField } from '../../ui/LanguageField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { type FieldMessages, useFormProblems } from '../../ui/useFormProblems.tsx';
import { circleKey, circlesKey, inviteToCircle } from './api.ts';
import { circleFieldMessage } from './field-messages.ts';

const fieldIds = {
  personIds: 'circle-invite-people',
  emails: 'circle-invite-emails',
  language: 'circle-invite-language',
} as const;
type Field = keyof typeof fieldIds;

/** Addresses as people paste them: one a line, or separated by commas, spaces or semicolons. */
export function addressesIn(typed: string): string[] {
  return typed
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter(Boolean);
}

/** Who is invited so far, and a form to invite people of the program or addresses. */
export function InviteSection({
  circle,
  people,
}: {
  circle: CircleDetail;
  people: CirclePeople | undefined;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const formatDate = useFormatDate();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [emails, setEmails] = useState('');
  const [language, setLanguage] = useState<Language>(
    isLanguage(circle.language) ? circle.language : 'en',
  );
  const problems = useFormProblems<Field>(fieldIds);
  const mutation = useMutation({
    mutationFn: (body: InviteToCircleBody) => inviteToCircle(circle.id, body),
  });
  // Invitees are listed by name (their ids are the invitations'), so a name already there is
  // marked rather than hidden: two people may share a name.
  const invitedNames = new Set(circle.invitees.map((invitee) => invitee.name));
  // The circle's keepers are in it already.
  const keepers = new Set([circle.keeper.id, circle.coKeeper?.id]);
  const invitable = (people?.invitable ?? []).filter((person) => !keepers.has(person.id));

  function toggle(personId: string, on: boolean) {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const addresses = addressesIn(emails);
    if (chosen.size === 0 && addresses.length === 0) {
      return problems.show({ personIds: t('circles.detail.invite.nobody') });
    }
    mutation.mutate(
      { personIds: [...chosen], emails: addresses, language },
      {
        onSuccess: ({ invited: count }) => {
          problems.clear();
          setChosen(new Set());
          setEmails('');
          showToast({ title: t('circles.detail.invite.sent', { count }) });
          void queryClient.invalidateQueries({ queryKey: circleKey(circle.id) });
          void queryClient.invalidateQueries({ queryKey: circlesKey, refetchType: 'none' });
        },
        onError: (error) => {
          if (!(error instanceof ApiError) || error.fieldProblems.length === 0) {
            return problems.showFailure(error);
          }
          // "emails.2" names the third address: say which one, beside the addresses' field.
          const fields: FieldMessages<Field> = {};
          for (const problem of error.fieldProblems) {
            const [field, index] = problem.field.split('.');
            if (field === 'emails' && index !== undefined) {
              fields.emails ??= t('circles.errors.emailNamed', {
                address: addresses[Number(index)] ?? '',
              });
            } else if (field === 'emails' || field === 'personIds' || field === 'language') {
              fields[field] ??= circleFieldMessage(i18n.t, problem);
            }
          }
          problems.show(fields);
        },
      },
    );
  }

  return (
    <section className="circle-section" aria-labelledby="circle-invite-heading">
      <h2 id="circle-invite-heading">{t('circles.detail.invite.heading')}</h2>
      {circle.invitees.length === 0 ? (
        <p>{t('circles.detail.invite.none')}</p>
      ) : (
        <ul className="circle-invitees">
          {circle.invitees.map((invitee) => (
            <li key={invitee.id}>
              {invitee.name}{' '}
              <span className="circle-muted">
                {t('circles.detail.invite.invitedOn', { date: formatDate(invitee.invitedAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>{t('circles.detail.invite.lead')}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <fieldset className="form-section" id={fieldIds.personIds}>
          <legend className="form-section__legend circle-legend">
            {t('circles.detail.invite.people')}
          </legend>
          {invitable.length === 0 ? (
            <p className="circle-muted">{t('circles.detail.invite.noPeople')}</p>
          ) : (
            <div className="circle-invite__people">
              {invitable.map((person) => (
                <Checkbox
                  key={person.id}
                  isSelected={chosen.has(person.id)}
                  onChange={(on) => toggle(person.id, on)}
                >
                  {t(
                    invitedNames.has(person.name)
                      ? 'circles.detail.invite.personInvited'
                      : 'circles.detail.invite.personOption',
                    { name: person.name, role: t(`circles.roles.${person.role}`) },
                  )}
                </Checkbox>
              ))}
            </div>
          )}
          {problems.error('personIds') ? (
            <p className="field__error">{problems.error('personIds')}</p>
          ) : null}
        </fieldset>
        <TextField
          id={fieldIds.emails}
          label={t('circles.detail.invite.emails')}
          description={t('circles.detail.invite.emailsHelp')}
          multiline
          value={emails}
          onChange={setEmails}
          errorMessage={problems.error('emails')}
        />
        <LanguageField
          id={fieldIds.language}
          label={t('circles.detail.invite.language')}
          description={t('circles.detail.invite.languageHelp')}
          value={language}
          onChange={setLanguage}
          errorMessage={problems.error('language')}
        />
        <FormActions submit={t('circles.detail.invite.submit')} isBusy={mutation.isPending} />
      </Form>
    </section>
  );
}

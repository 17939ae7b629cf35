import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  type CommitmentDetail,
  type CommitmentUpdateRequest,
  EVIDENCE_LINKS_MAX,
} from '../../../shared/commitments/contract.ts';
import {
  type CommitmentStatus,
  commitmentStatuses,
  needsReason,
  openStatuses,
} from '../../../shared/commitments/machine.ts';
import { Button } from '../../ui/Button.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { reportOnCommitment } from './api.ts';
import { commitmentFieldMessage } from './field-messages.ts';
import { useCommitmentChange } from './useCommitmentChange.ts';

const ids = {
  status: 'update-status',
  reason: 'update-reason',
  percent: 'update-percent',
  evidence: 'update-evidence',
  link: (index: number) => `update-link-${index}`,
};

const open = (status: CommitmentStatus) => openStatuses.includes(status);

interface Draft {
  status: CommitmentStatus | '';
  reason: string;
  percent: string;
  evidence: string;
  links: string[];
}

const emptyDraft: Draft = { status: '', reason: '', percent: '', evidence: '', links: [''] };

/** The request for a draft, and which link box each sent link came from. */
function requestOf(
  current: CommitmentStatus,
  draft: Draft,
): { body: CommitmentUpdateRequest; sentLinks: number[] } {
  const status = draft.status || undefined;
  const after = status ?? current;
  const sentLinks = draft.links.flatMap((link, index) => (link.trim() ? [index] : []));
  const links = sentLinks.map((index) => draft.links[index]?.trim() ?? '');
  const text = draft.evidence.trim();
  return {
    body: {
      status,
      reason: status && needsReason(current, status) ? draft.reason : undefined,
      // Progress belongs to an open commitment; an empty box means "no change". A number that is
      // not one goes as it is, for the server to say what it needs.
      percent: open(after) && draft.percent.trim() ? Number(draft.percent) : undefined,
      evidence: text || links.length > 0 ? { text, links } : undefined,
    },
    sentLinks,
  };
}

/**
 * The owner's (or a coordinator's) report: a new status, with a reason when the rules ask for
 * one; progress while it is open; evidence in words and up to five links.
 */
export function UpdateForm({ commitment }: { commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  // The link boxes the last request's links came from: its problems name links by position.
  const [sentLinks, setSentLinks] = useState<number[]>([]);
  const fieldIds: Record<string, string> = {
    status: ids.status,
    reason: ids.reason,
    percent: ids.percent,
    'evidence.text': ids.evidence,
    'evidence.links': ids.link(0),
    ...Object.fromEntries(sentLinks.map((box, sent) => [`evidence.links.${sent}`, ids.link(box)])),
  };
  const problems = useFormProblems(fieldIds);
  const mutation = useCommitmentChange(commitment.id, reportOnCommitment);
  const change = (patch: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...patch }));

  const current = commitment.status;
  const asksReason = draft.status !== '' && needsReason(current, draft.status);
  const showsPercent = open(draft.status || current);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const request = requestOf(current, draft);
    setSentLinks(request.sentLinks);
    mutation.mutate(request.body, {
      onSuccess: () => {
        problems.clear();
        setDraft(emptyDraft);
        showToast({ title: t('commitments.update.saved') });
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => commitmentFieldMessage(t, problem),
        }),
    });
  }

  return (
    <section className="commitment-panel" aria-labelledby="update-heading">
      <h2 id="update-heading">{t('commitments.update.heading')}</h2>
      <p>{t('commitments.update.lead')}</p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <SelectField
          id={ids.status}
          label={t('commitments.update.status')}
          description={t('commitments.update.statusHelp')}
          placeholder={t('commitments.update.keepStatus', {
            status: t(`commitments.statuses.${current}`),
          })}
          value={draft.status}
          onChange={(status) => change({ status: status as Draft['status'] })}
          errorMessage={problems.error('status')}
          options={commitmentStatuses
            .filter((status) => status !== current)
            .map((status) => ({ value: status, label: t(`commitments.statuses.${status}`) }))}
        />
        {asksReason ? (
          <TextField
            id={ids.reason}
            label={t('commitments.update.reason')}
            description={t('commitments.update.reasonHelp')}
            multiline
            isRequired
            value={draft.reason}
            onChange={(reason) => change({ reason })}
            errorMessage={problems.error('reason')}
          />
        ) : null}
        {showsPercent ? (
          <TextField
            id={ids.percent}
            className="field--short"
            label={t('commitments.update.percent')}
            description={t('commitments.update.percentHelp')}
            inputMode="numeric"
            value={draft.percent}
            onChange={(percent) => change({ percent })}
            errorMessage={problems.error('percent')}
          />
        ) : null}
        <TextField
          id={ids.evidence}
          label={t('commitments.update.evidence')}
          description={t('commitments.update.evidenceHelp')}
          multiline
          value={draft.evidence}
          onChange={(evidence) => change({ evidence })}
          errorMessage={problems.error('evidence.text')}
        />
        {draft.links.map((link, box) => {
          const sent = sentLinks.indexOf(box);
          return (
            <div key={ids.link(box)} className="commitment-link-row">
              <TextField
                id={ids.link(box)}
                type="url"
                inputMode="url"
                label={t('commitments.update.link', { number: box + 1 })}
                description={box === 0 ? t('commitments.update.linkHelp') : undefined}
                value={link}
                onChange={(value) =>
                  change({ links: draft.links.map((each, at) => (at === box ? value : each)) })
                }
                errorMessage={
                  (sent >= 0 ? problems.error(`evidence.links.${sent}`) : undefined) ??
                  (box === 0 ? problems.error('evidence.links') : undefined)
                }
              />
              {box > 0 && box === draft.links.length - 1 ? (
                <Button variant="quiet" onPress={() => change({ links: draft.links.slice(0, -1) })}>
                  {t('commitments.update.removeLink', { number: box + 1 })}
                </Button>
              ) : null}
            </div>
          );
        })}
        {draft.links.length < EVIDENCE_LINKS_MAX ? (
          <Button variant="secondary" onPress={() => change({ links: [...draft.links, ''] })}>
            {t('commitments.update.addLink')}
          </Button>
        ) : null}
        <FormActions submit={t('commitments.update.submit')} isBusy={mutation.isPending} />
      </Form>
    </section>
  );
}

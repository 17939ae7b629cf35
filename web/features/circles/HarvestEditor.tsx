import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Harvest, SaveHarvestBody } from '../../../shared/circles/contract.ts';
import type { CommitmentOwnerChoices } from '../../../shared/commitments/contract.ts';
import { ApiError } from '../../app/api.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { type FieldMessages, useFormProblems } from '../../ui/useFormProblems.tsx';
import { harvestKey, saveHarvest, shareHarvest } from './api.ts';
import { circleFieldMessage, harvestFieldMessage } from './field-messages.ts';
import {
  type CommitmentRow,
  HarvestCommitmentFields,
  ownerOf,
  rowFieldIds,
} from './HarvestCommitmentFields.tsx';

const themesId = 'harvest-themes';

function rowsOf(harvest: Harvest, nextKey: () => number): CommitmentRow[] {
  return harvest.commitments.map((commitment) => ({
    key: nextKey(),
    title: commitment.title,
    description: commitment.description,
    owner: !commitment.owner
      ? ''
      : commitment.owner.kind === 'person'
        ? `person:${commitment.owner.personId}`
        : `organisation:${commitment.owner.organisationId}`,
    dueOn: commitment.dueOn,
    visibility: commitment.visibility,
  }));
}

/** Every field of the form, by the names the API gives its problems, in the order they appear. */
function fieldIdsOf(rows: readonly CommitmentRow[]): Record<string, string> {
  const ids: Record<string, string> = { themes: themesId };
  rows.forEach((_row, index) => {
    for (const [part, id] of Object.entries(rowFieldIds(index))) {
      ids[`commitments.${index}.${part}`] = id;
    }
  });
  return ids;
}

/** "commitments.1.owner.personId" belongs to the row's owner field, "commitments.1.owner". */
function fieldOf(problemField: string): string {
  const [head, index, part] = problemField.split('.');
  return head === 'commitments' && index !== undefined && part !== undefined
    ? `commitments.${index}.${part}`
    : problemField;
}

/**
 * The keeper writes the harvest: the themes in their own words and the commitments made, each
 * with an owner and a due day. Saving keeps a draft; sharing lets participants read and review
 * it (a change after sharing asks them again).
 */
export function HarvestEditor({
  circleId,
  harvest,
  choices,
}: {
  circleId: string;
  harvest: Harvest;
  choices: CommitmentOwnerChoices;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keys = useRef(0);
  const nextKey = () => {
    keys.current += 1;
    return keys.current;
  };
  const [themes, setThemes] = useState(harvest.themes);
  const [rows, setRows] = useState<CommitmentRow[]>(() => rowsOf(harvest, nextKey));
  const problems = useFormProblems<string>(fieldIdsOf(rows));
  const save = useMutation({ mutationFn: (body: SaveHarvestBody) => saveHarvest(circleId, body) });
  const share = useMutation({ mutationFn: () => shareHarvest(circleId) });
  const busy = save.isPending || share.isPending;

  function showProblems(error: unknown) {
    if (!(error instanceof ApiError) || error.fieldProblems.length === 0) {
      return problems.showFailure(error);
    }
    const fields: FieldMessages<string> = {};
    for (const problem of error.fieldProblems) {
      const field = fieldOf(problem.field);
      fields[field] ??= field.startsWith('commitments.')
        ? harvestFieldMessage(t, problem)
        : circleFieldMessage(t, problem);
    }
    problems.show(fields);
  }

  function send(andShare: boolean) {
    if (busy) return;
    const body = {
      themes,
      commitments: rows.map((row) => ({
        title: row.title,
        description: row.description,
        owner: ownerOf(row.owner),
        dueOn: row.dueOn,
        visibility: row.visibility,
      })),
    } as SaveHarvestBody;
    save.mutate(body, {
      onSuccess: (saved) => {
        queryClient.setQueryData(harvestKey(circleId), saved);
        problems.clear();
        if (!andShare) return showToast({ title: t('circles.harvest.saved') });
        share.mutate(undefined, {
          onSuccess: () => {
            showToast({ title: t('circles.harvest.shared') });
            void queryClient.invalidateQueries({ queryKey: harvestKey(circleId) });
          },
          onError: showProblems,
        });
      },
      onError: showProblems,
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(false);
  }

  const rowErrors = (index: number) => ({
    title: problems.error(`commitments.${index}.title`),
    description: problems.error(`commitments.${index}.description`),
    owner: problems.error(`commitments.${index}.owner`),
    dueOn: problems.error(`commitments.${index}.dueOn`),
    visibility: problems.error(`commitments.${index}.visibility`),
  });
  return (
    <section className="circle-section" aria-labelledby="harvest-write">
      <h2 id="harvest-write">{t('circles.harvest.writeHeading')}</h2>
      <p>
        {harvest.status === 'shared'
          ? t('circles.harvest.writeShared')
          : t('circles.harvest.writeLead')}
      </p>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={themesId}
          label={t('circles.harvest.themes')}
          description={t('circles.harvest.themesHelp')}
          multiline
          value={themes}
          onChange={setThemes}
          errorMessage={problems.error('themes')}
        />
        <h3 className="harvest__minor">{t('circles.harvest.commitmentsHeading')}</h3>
        {rows.length === 0 ? (
          <p className="circle-muted">{t('circles.harvest.noCommitments')}</p>
        ) : null}
        {rows.map((row, index) => (
          <HarvestCommitmentFields
            key={row.key}
            row={row}
            index={index}
            choices={choices}
            errors={rowErrors(index)}
            onChange={(changed) =>
              setRows((current) => current.map((each) => (each.key === row.key ? changed : each)))
            }
            onRemove={() => setRows((current) => current.filter((each) => each.key !== row.key))}
          />
        ))}
        <Button
          variant="secondary"
          onPress={() =>
            setRows((current) => [
              ...current,
              {
                key: nextKey(),
                title: '',
                description: '',
                owner: '',
                dueOn: '',
                visibility: 'program',
              },
            ])
          }
        >
          {t('circles.harvest.addCommitment')}
        </Button>
        {harvest.status === 'shared' ? (
          <div className="form-actions harvest__actions">
            <Button type="submit" isBusy={save.isPending}>
              {t('circles.harvest.saveShared')}
            </Button>
          </div>
        ) : (
          <div className="form-actions harvest__actions">
            <Button type="submit" variant="secondary" isBusy={save.isPending && !share.isPending}>
              {t('circles.harvest.save')}
            </Button>
            <Button onPress={() => send(true)} isBusy={share.isPending}>
              {t('circles.harvest.share')}
            </Button>
          </div>
        )}
      </Form>
    </section>
  );
}

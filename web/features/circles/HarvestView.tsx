import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Harvest, ReviewHarvestBody } from '../../../shared/circles/contract.ts';
import { useFormatDateTime, useFormatDay } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { finaliseHarvest, harvestKey, reviewHarvest } from './api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { circleFieldMessage } from './field-messages.ts';

/** The harvest as written: themes, then each commitment with its owner and due day. */
export function HarvestText({ harvest }: { harvest: Harvest }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  return (
    <section className="circle-section harvest-text" aria-labelledby="harvest-read">
      <h2 id="harvest-read">{t('circles.harvest.readHeading')}</h2>
      <h3 className="harvest__minor">{t('circles.harvest.themes')}</h3>
      <p className="harvest-text__themes">{harvest.themes}</p>
      <h3 className="harvest__minor">{t('circles.harvest.commitmentsHeading')}</h3>
      {harvest.commitments.length === 0 ? (
        <p>{t('circles.harvest.noCommitmentsMade')}</p>
      ) : (
        <ul className="harvest-commitments">
          {harvest.commitments.map((commitment) => (
            <li key={commitment.id} className="harvest-commitments__item">
              <p className="harvest-commitments__title">
                {commitment.commitmentId ? (
                  <Link to={`/commitments/${commitment.commitmentId}`}>{commitment.title}</Link>
                ) : (
                  commitment.title
                )}
              </p>
              {commitment.description ? <p>{commitment.description}</p> : null}
              <p className="circle-muted">
                {t('circles.harvest.ownerAndDue', {
                  owner: commitment.ownerIsOfficer
                    ? t('circles.harvest.officerName', { name: commitment.ownerName })
                    : commitment.ownerName,
                  day: formatDay(commitment.dueOn),
                })}
              </p>
              {commitment.commitmentId ? (
                <p className="harvest-commitments__register">{t('circles.harvest.onRegister')}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const reviewFieldIds = { comment: 'harvest-comment' } as const;

/** A participant's answer: approve, or write a comment for the keeper. */
export function ReviewForm({ circleId, harvest }: { circleId: string; harvest: Harvest }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const problems = useFormProblems(reviewFieldIds);
  const mutation = useMutation({
    mutationFn: (body: ReviewHarvestBody) => reviewHarvest(circleId, body),
  });

  function send(body: ReviewHarvestBody) {
    if (mutation.isPending) return;
    mutation.mutate(body, {
      onSuccess: () => {
        problems.clear();
        setComment('');
        showToast({
          title:
            body.decision === 'approve'
              ? t('circles.harvest.approved')
              : t('circles.harvest.commented'),
        });
        void queryClient.invalidateQueries({ queryKey: harvestKey(circleId) });
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => circleFieldMessage(t, problem),
        }),
    });
  }

  function onComment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (comment.trim() === '') return problems.show({ comment: t('circles.errors.comment') });
    send({ decision: 'comment', comment });
  }

  const mine = harvest.mine;
  return (
    <section className="circle-section" aria-labelledby="harvest-review">
      <h2 id="harvest-review">{t('circles.harvest.reviewHeading')}</h2>
      {mine ? (
        <p className="form-page__note" role="status">
          {mine.decision === 'approve'
            ? t('circles.harvest.youApproved')
            : t('circles.harvest.youCommented', { comment: mine.comment })}
        </p>
      ) : (
        <p>{t('circles.harvest.reviewLead')}</p>
      )}
      {problems.summary}
      {mine?.decision === 'approve' ? null : (
        <Button
          onPress={() => send({ decision: 'approve' })}
          isBusy={mutation.isPending && mutation.variables?.decision === 'approve'}
        >
          {t('circles.harvest.approve')}
        </Button>
      )}
      <Form onSubmit={onComment} validationBehavior="aria" className="form">
        <TextField
          id={reviewFieldIds.comment}
          label={t('circles.harvest.comment')}
          description={t('circles.harvest.commentHelp')}
          multiline
          value={comment}
          onChange={setComment}
          errorMessage={problems.error('comment')}
        />
        <Button
          type="submit"
          variant="secondary"
          isBusy={mutation.isPending && mutation.variables?.decision === 'comment'}
        >
          {t('circles.harvest.sendComment')}
        </Button>
      </Form>
    </section>
  );
}

/** What participants said, for the keeper, and making the harvest final. */
export function Reviews({
  circleId,
  harvest,
  programId,
}: {
  circleId: string;
  harvest: Harvest;
  programId: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formatDateTime = useFormatDateTime();
  const problems = useFormProblems({});
  const mutation = useMutation({ mutationFn: () => finaliseHarvest(circleId) });
  return (
    <section className="circle-section" aria-labelledby="harvest-reviews">
      <h2 id="harvest-reviews">{t('circles.harvest.reviewsHeading')}</h2>
      {harvest.reviews.length === 0 ? (
        <p>{t('circles.harvest.noReviews')}</p>
      ) : (
        <ul className="harvest-reviews">
          {harvest.reviews.map((review) => (
            <li key={`${review.participantName}-${review.at}`}>
              <strong>{review.participantName}</strong>{' '}
              {review.decision === 'approve'
                ? t('circles.harvest.reviewApproved')
                : t('circles.harvest.reviewCommented')}{' '}
              <span className="circle-muted">{formatDateTime(review.at)}</span>
              {review.comment ? <p className="harvest-reviews__comment">{review.comment}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {problems.summary}
      {harvest.status === 'shared' ? (
        <ConfirmButton
          label={t('circles.harvest.finalise')}
          title={t('circles.harvest.finaliseTitle')}
          body={t('circles.harvest.finaliseBody')}
          confirm={t('circles.harvest.finaliseConfirm')}
          cancel={t('circles.room.cancel')}
          variant="primary"
          onConfirm={() =>
            mutation.mutate(undefined, {
              onSuccess: () => {
                showToast({ title: t('circles.harvest.finalised') });
                void queryClient.invalidateQueries({ queryKey: harvestKey(circleId) });
                void queryClient.invalidateQueries({ queryKey: ['commitments'] });
              },
              onError: (error) => problems.showFailure(error),
            })
          }
        />
      ) : null}
      {harvest.status === 'final' ? (
        <p>
          <Link to={`/programs/${programId}/commitments`}>{t('circles.harvest.registerLink')}</Link>
        </p>
      ) : null}
    </section>
  );
}

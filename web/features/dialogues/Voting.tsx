import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DialogueDetail,
  VotableStatement,
  VoteChoice,
} from '../../../shared/dialogues/contract.ts';
import { LoadProblem, retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { Button } from '../../ui/Button.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { describeFailure } from '../../ui/useFormProblems.tsx';
import { castVote, fetchNext, nextKey } from './api.ts';
import { type RecentVote, RecentVotes } from './RecentVotes.tsx';
import { StatementActions } from './StatementActions.tsx';
import { StatementCard } from './StatementCard.tsx';

const RECENT_KEPT = 3;

/** "12 of 40 seen", as words and as a bar. */
function Progress({ seen, total }: { seen: number; total: number }) {
  const { t } = useTranslation();
  const words = t('dialogues.vote.progress', { seen, total });
  return (
    <div className="vote-progress">
      <p className="vote-progress__words">{words}</p>
      <progress
        className="vote-progress__bar"
        value={seen}
        max={Math.max(total, 1)}
        aria-label={words}
      />
    </div>
  );
}

function AllSeen({
  headingRef,
  onCheck,
  checking,
}: {
  headingRef: React.Ref<HTMLHeadingElement>;
  onCheck: () => void;
  checking: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="statement-card statement-card--done">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('dialogues.vote.allSeenHeading')}
      </h2>
      <p>{t('dialogues.vote.allSeen')}</p>
      <Button variant="secondary" onPress={onCheck} isBusy={checking}>
        {t('dialogues.vote.checkAgain')}
      </Button>
    </div>
  );
}

/**
 * Voting one statement at a time. After each vote, focus moves to the next card's heading and a
 * live region says the vote was saved; the last few votes can be changed.
 */
export function Voting({ dialogue }: { dialogue: DialogueDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const next = useQuery({
    queryKey: nextKey(dialogue.id),
    queryFn: ({ signal }) => fetchNext(dialogue.id, signal),
    retry: retryUnlessRefused,
    staleTime: 0,
  });
  const [recent, setRecent] = useState<RecentVote[]>([]);
  const [changing, setChanging] = useState<RecentVote | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Counts the votes of this visit: focus moves only after a vote, never on the first load.
  const [moves, setMoves] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const vote = useMutation({
    mutationFn: ({ statement, choice }: { statement: VotableStatement; choice: VoteChoice }) =>
      castVote(dialogue.id, statement.id, choice),
  });

  const shown = changing?.statement ?? next.data?.statement ?? null;
  const shownId = shown?.id ?? 'none';
  // biome-ignore lint/correctness/useExhaustiveDependencies: move focus when the card changes after a vote
  useLayoutEffect(() => {
    if (moves > 0) headingRef.current?.focus();
  }, [moves, shownId]);

  function onVote(choice: VoteChoice) {
    if (!shown || vote.isPending) return;
    const statement = shown;
    vote.mutate(
      { statement, choice },
      {
        onSuccess: async () => {
          setAnnouncement(t('dialogues.vote.saved', { choice: t(`dialogues.vote.${choice}`) }));
          setRecent((list) =>
            [
              { statement: { ...statement, yourVote: choice }, vote: choice },
              ...list.filter((each) => each.statement.id !== statement.id),
            ].slice(0, RECENT_KEPT),
          );
          setChanging(null);
          await queryClient.invalidateQueries({ queryKey: nextKey(dialogue.id) });
          setMoves((count) => count + 1);
        },
        onError: (error) => {
          const { message } = describeFailure(t, error, {});
          showToast({ title: t('dialogues.vote.notSaved'), description: message });
        },
      },
    );
  }

  if (next.isPending) return <p className="page-loading">{t('app.loading')}</p>;
  if (next.isError) {
    return (
      <LoadProblem
        error={next.error}
        refused={t('dialogues.page.notAllowed')}
        failed={t('dialogues.loadFailed')}
        onRetry={() => void next.refetch()}
      />
    );
  }
  return (
    <section className="voting" aria-labelledby="voting-heading">
      <h2 id="voting-heading" className="visually-hidden">
        {t('dialogues.vote.heading')}
      </h2>
      <Progress seen={next.data.seen} total={next.data.total} />
      {changing ? <p className="dialogue-notice">{t('dialogues.vote.changing')}</p> : null}
      {shown ? (
        <StatementCard
          statement={shown}
          headingRef={headingRef}
          currentVote={changing?.vote ?? shown.yourVote}
          busy={vote.isPending}
          onVote={onVote}
          actions={
            <>
              {changing ? (
                <Button variant="quiet" onPress={() => setChanging(null)}>
                  {t('dialogues.vote.keepVote')}
                </Button>
              ) : null}
              <StatementActions dialogue={dialogue} statement={shown} />
            </>
          }
        />
      ) : (
        <AllSeen
          headingRef={headingRef}
          checking={next.isFetching}
          onCheck={() => void next.refetch()}
        />
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <RecentVotes
        recent={recent.filter((each) => each.statement.id !== changing?.statement.id)}
        onChange={(each) => {
          setChanging(each);
          setMoves((count) => count + 1);
        }}
      />
    </section>
  );
}

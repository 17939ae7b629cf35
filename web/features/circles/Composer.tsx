import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX } from '../../../shared/circles/machine.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { newId } from './live-transport.ts';
import type { RunCommand } from './useCircleLive.ts';

/** What the holder is writing: kept by the room, so that nothing is lost if the piece moves. */
export interface Draft {
  text: string;
  /** Stays the same until the message is posted, so that sending it twice posts it once. */
  messageId: string;
}

export const emptyDraft = (): Draft => ({ text: '', messageId: newId() });

/** Characters left are shown only near the limit, where they matter. */
const SHOW_LEFT_BELOW = 200;

/**
 * The holder's turn: their words, then Post, or Pass to hand the piece on without a word. Ctrl
 * (or ⌘) and Enter posts, for keyboard users; Enter alone starts a new line.
 */
export function Composer({
  draft,
  onDraft,
  run,
  paused,
}: {
  draft: Draft;
  onDraft: (draft: Draft) => void;
  run: RunCommand;
  paused: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'post' | 'pass' | null>(null);
  // A Pass pressed while the words are still on their way waits for them rather than being
  // lost: the holder meant "these words, then the piece moves on".
  const posting = useRef<Promise<unknown>>(Promise.resolve());

  async function post() {
    if (busy) return;
    setBusy('post');
    const sent = run({ type: 'post', messageId: draft.messageId, text: draft.text });
    posting.current = sent;
    const outcome = await sent;
    setBusy(null);
    const posted =
      outcome.kind === 'accepted' ||
      (outcome.kind === 'refused' && outcome.reason === 'duplicate_message');
    if (posted) onDraft(emptyDraft());
  }

  const passing = useRef(false);

  async function pass() {
    if (passing.current) return;
    passing.current = true;
    await posting.current;
    setBusy('pass');
    await run({ type: 'pass' });
    setBusy(null);
    passing.current = false;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void post();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void post();
    }
  }

  const left = MESSAGE_MAX - draft.text.length;
  return (
    <section className="composer" aria-labelledby="composer-heading">
      <h2 id="composer-heading" className="composer__heading">
        {t('circles.room.yourTurn')}
      </h2>
      <p className="composer__lead">
        {paused ? t('circles.room.yourTurnPaused') : t('circles.room.yourTurnLead')}
      </p>
      <Form onSubmit={onSubmit} className="composer__form">
        <TextField
          label={t('circles.room.yourWords')}
          description={t('circles.room.yourWordsHelp')}
          multiline
          value={draft.text}
          onChange={(text) => onDraft({ ...draft, text })}
          onKeyDown={onKeyDown}
          className="composer__field"
        />
        {left < SHOW_LEFT_BELOW ? (
          <p className={`composer__left${left < 0 ? ' composer__left--over' : ''}`}>
            {left < 0
              ? t('circles.room.tooLong', { count: -left })
              : t('circles.room.charactersLeft', { count: left })}
          </p>
        ) : null}
        <div className="composer__actions">
          <Button type="submit" isBusy={busy === 'post'}>
            {t('circles.room.post')}
          </Button>
          <Button variant="secondary" onPress={() => void pass()} isBusy={busy === 'pass'}>
            {t('circles.room.pass')}
          </Button>
        </div>
      </Form>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import {
  type CircleState,
  participantOf,
  transcriptAllowed,
} from '../../../shared/circles/machine.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog, DialogTrigger } from '../../ui/Dialog.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { showToast } from '../../ui/Toast.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import type { RunCommand } from './useCircleLive.ts';

/** The program's help lines and services, one tap away: what to do if this is too much. */
function SupportDialog({ resources }: { resources: string }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button variant="secondary">{t('circles.room.support')}</Button>
      <Dialog title={t('circles.room.supportTitle')}>
        {resources.trim() ? (
          <p className="support__text">{resources}</p>
        ) : (
          <p>{t('circles.room.supportNone')}</p>
        )}
        <p>{t('circles.room.supportAlways')}</p>
      </Dialog>
    </DialogTrigger>
  );
}

/**
 * Whether to keep a transcript: a plain yes or no that anyone may change while the circle runs.
 * Nothing is kept unless everyone says yes. Each person's answer is theirs: only the keepers
 * see everyone's (so nobody is pressed by who said no), and only they are told where it stands.
 */
function Consent({
  state,
  you,
  keeperView,
  run,
}: {
  state: CircleState;
  you: string;
  keeperView: boolean;
  run: RunCommand;
}) {
  const { t } = useTranslation();
  const yes = participantOf(state, you)?.consented === true;
  let where: string;
  if (keeperView)
    where = transcriptAllowed(state) ? t('circles.consent.allYes') : t('circles.consent.notAll');
  else where = yes ? t('circles.consent.youYes') : t('circles.consent.youNo');
  return (
    <section className="consent" aria-labelledby="consent-heading">
      <h2 id="consent-heading" className="room__subheading">
        {t('circles.consent.heading')}
      </h2>
      <p>{t('circles.consent.lead')}</p>
      <RadioGroup
        label={t('circles.consent.question')}
        layout="stack"
        value={yes ? 'yes' : 'no'}
        onChange={(value) => void run({ type: 'consent', transcript: value === 'yes' })}
        options={[
          { value: 'no', label: t('circles.consent.no'), description: t('circles.consent.noHelp') },
          {
            value: 'yes',
            label: t('circles.consent.yes'),
            description: t('circles.consent.yesHelp'),
          },
        ]}
      />
      <p className="consent__where" role="status">
        {where}
      </p>
    </section>
  );
}

/** Safety, always within reach: step out and back, a private word, support, and consent. */
export function SafetyBar({
  state,
  you,
  run,
  supportResources,
  keeperView,
}: {
  state: CircleState;
  you: string;
  run: RunCommand;
  supportResources: string;
  keeperView: boolean;
}) {
  const { t } = useTranslation();
  const me = participantOf(state, you);
  const open = state.status !== 'closed';
  return (
    <div className="safety">
      <section className="safety__bar" aria-labelledby="safety-heading">
        <h2 id="safety-heading" className="room__subheading">
          {t('circles.room.safetyHeading')}
        </h2>
        {me?.steppedOut ? (
          <div className="safety__stepped-out" role="status">
            <p>{t('circles.room.steppedOutNote')}</p>
            <Button onPress={() => void run({ type: 'step_back' })}>
              {t('circles.room.comeBack')}
            </Button>
          </div>
        ) : null}
        <div className="safety__actions">
          {open && !me?.steppedOut ? (
            <Button variant="secondary" onPress={() => void run({ type: 'step_out' })}>
              {t('circles.room.stepOut')}
            </Button>
          ) : null}
          {open ? (
            <ConfirmButton
              label={t('circles.room.privateWord')}
              title={t('circles.room.privateWordTitle')}
              body={t('circles.room.privateWordBody')}
              confirm={t('circles.room.privateWordConfirm')}
              cancel={t('circles.room.cancel')}
              variant="secondary"
              onConfirm={async () => {
                const outcome = await run({ type: 'ask_private_word' });
                if (outcome.kind === 'accepted') {
                  showToast({ title: t('circles.room.privateWordSent') });
                }
              }}
            />
          ) : null}
          <SupportDialog resources={supportResources} />
        </div>
      </section>
      {open ? <Consent state={state} you={you} keeperView={keeperView} run={run} /> : null}
    </div>
  );
}

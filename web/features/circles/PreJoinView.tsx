import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  type CircleDetail,
  type JoinCircleBody,
  type JoinedCircle,
  joinCircleBody,
  type PreJoin,
} from '../../../shared/circles/contract.ts';
import type { FieldProblem } from '../../app/api.ts';
import { meQueryKey } from '../../app/session.ts';
import { chooseLanguage } from '../../i18n/i18n.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { LanguageField } from '../../ui/LanguageField.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { circleKey, circlesKey } from './api.ts';
import { type ChosenMedia, keepForRoom } from './chosen-before-joining.ts';
import { closeDevices } from './devices.ts';
import { circleFieldMessage } from './field-messages.ts';
import { useFormatCircleTime } from './format.ts';
import { CircleExplained } from './Guidelines.tsx';
import { MediaChoice } from './MediaChoice.tsx';

const fieldIds = {
  displayName: 'circle-join-name',
  language: 'circle-join-language',
  agreeToGuidelines: 'circle-join-agree',
} as const;
type Field = keyof typeof fieldIds;

function Facts({ preJoin }: { preJoin: PreJoin }) {
  const { t } = useTranslation();
  const formatTime = useFormatCircleTime();
  return (
    <dl className="circle-facts">
      <div>
        <dt>{t('circles.facts.when')}</dt>
        <dd>{formatTime(preJoin.startsAt, preJoin.timeZone)}</dd>
      </div>
      <div>
        <dt>{t('circles.facts.keeper')}</dt>
        <dd>{preJoin.keeperName}</dd>
      </div>
      <div>
        <dt>{t('circles.facts.program')}</dt>
        <dd>{preJoin.programName}</dd>
      </div>
    </dl>
  );
}

/**
 * Text, voice, or voice and camera, checked before joining; a checked stream stays open until
 * the person joins (then the room takes it) or leaves the page (then it ends).
 */
function useMediaBeforeJoining() {
  const [chosen, setChosen] = useState<ChosenMedia | null>(null);
  const held = useRef<ChosenMedia | null>(null);
  held.current = chosen;
  useEffect(() => () => closeDevices(held.current?.stream ?? null), []);
  const replace = (next: ChosenMedia | null) => {
    const kept = new Set(next?.stream.getTracks() ?? []);
    for (const track of held.current?.stream.getTracks() ?? []) if (!kept.has(track)) track.stop();
    held.current = next;
    setChosen(next);
  };
  return {
    chosen,
    replace,
    /** Hands the stream to the circle's room; this page no longer ends it. */
    handOver(circleId: string) {
      if (held.current) keepForRoom(circleId, held.current);
      held.current = null;
    },
  };
}

function JoinForm({
  preJoin,
  join,
}: {
  preJoin: PreJoin;
  join: (body: JoinCircleBody) => Promise<JoinedCircle>;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const officer = preJoin.you?.verifiedOfficer === true;
  const [displayName, setDisplayName] = useState(preJoin.you?.name ?? '');
  // The page's language (which the header's switcher changes) until the person picks one here.
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language: Language =
    chosenLanguage ?? (isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en');
  const [agreed, setAgreed] = useState(false);
  const problems = useFormProblems<Field>(fieldIds);
  const mutation = useMutation({ mutationFn: join });
  const media = useMediaBeforeJoining();
  const messageFor = (problem: FieldProblem) => circleFieldMessage(t, problem);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const body = { displayName, language, agreeToGuidelines: agreed };
    // Checked here first, so that nobody waits on the network to learn the box is not ticked.
    const parsed = joinCircleBody.safeParse(body);
    if (!parsed.success) {
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (field in fieldIds) {
          fields[field as Field] ??= messageFor({
            field,
            message: issue.message,
            code: issue.code,
          });
        }
      }
      return problems.show(fields);
    }
    mutation.mutate(body as JoinCircleBody, {
      onSuccess: async (joined) => {
        queryClient.removeQueries({ queryKey: meQueryKey });
        // The room reads the seat from the circle's page data: it has one now.
        queryClient.setQueryData<CircleDetail>(circleKey(joined.circleId), (known) =>
          known ? { ...known, participantId: joined.participantId } : known,
        );
        void queryClient.invalidateQueries({ queryKey: circlesKey });
        media.handOver(joined.circleId);
        if (language !== i18n.language) await chooseLanguage(language);
        void navigate(`/circles/${joined.circleId}/room`);
      },
      onError: (error) =>
        problems.showFailure(error, {
          fieldMessage: (_field, problem) => messageFor(problem),
          statusMessage: (failure) => {
            if (failure.status === 409) return t('circles.join.fullNow');
            if (failure.status === 410) return t('circles.join.gone');
            if (failure.problem?.code === 'needs_consent') return t('circles.join.needsConsent');
            return undefined;
          },
        }),
    });
  }

  return (
    <section className="circle-join__form" aria-labelledby="circle-join-form">
      <h2 id="circle-join-form">{t('circles.join.formHeading')}</h2>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form">
        <TextField
          id={fieldIds.displayName}
          label={t('circles.join.name')}
          description={officer ? t('circles.join.nameHelpOfficer') : t('circles.join.nameHelp')}
          autoComplete="nickname"
          value={displayName}
          onChange={setDisplayName}
          errorMessage={problems.error('displayName')}
        />
        {officer ? <p className="form-page__note">{t('circles.join.officerBadge')}</p> : null}
        <LanguageField
          id={fieldIds.language}
          label={t('circles.join.language')}
          description={t('circles.join.languageHelp')}
          value={language}
          onChange={setLanguage}
          errorMessage={problems.error('language')}
        />
        <div className="circle-join__media">
          <h3>{t('circles.join.mediaHeading')}</h3>
          <p>{t('circles.join.mediaLead')}</p>
          <MediaChoice
            mode={media.chosen?.mode ?? 'text'}
            onText={() => media.replace(null)}
            onDropCamera={() => {
              const { chosen } = media;
              if (chosen) {
                media.replace({
                  mode: 'audio',
                  stream: new MediaStream(chosen.stream.getAudioTracks()),
                });
              }
            }}
            onTurnOn={(stream, mode) => media.replace({ mode, stream })}
          />
          {media.chosen ? (
            <p className="form-page__note">{t(`circles.join.mediaReady.${media.chosen.mode}`)}</p>
          ) : null}
        </div>
        <Checkbox
          id={fieldIds.agreeToGuidelines}
          isSelected={agreed}
          onChange={setAgreed}
          errorMessage={problems.error('agreeToGuidelines')}
        >
          {t('circles.join.agree')}
        </Checkbox>
        <FormActions submit={t('circles.join.submit')} isBusy={mutation.isPending} />
      </Form>
    </section>
  );
}

/** Why there is no form: the circle is over, full, or the person already has a seat. */
function NoForm({ preJoin }: { preJoin: PreJoin }) {
  const { t } = useTranslation();
  if (preJoin.participantId && (preJoin.status === 'scheduled' || preJoin.status === 'live')) {
    return (
      <div className="circle-join__form">
        <p>{t('circles.join.seated')}</p>
        <Link to={`/circles/${preJoin.circleId}/room`} className={buttonClassName('primary')}>
          {t('circles.join.toRoom')}
        </Link>
      </div>
    );
  }
  if (preJoin.status === 'closed' || preJoin.status === 'cancelled') {
    return <p className="circle-notice">{t(`circles.join.over.${preJoin.status}`)}</p>;
  }
  return <p className="circle-notice">{t('circles.join.full')}</p>;
}

/**
 * The page before joining: what a circle is, its guidelines and what is kept, then a name of
 * the person's choosing, their language and their agreement. `join` sends it (by a link's token,
 * or as the person signed in).
 */
export function PreJoinView({
  preJoin,
  join,
}: {
  preJoin: PreJoin;
  join: (body: JoinCircleBody) => Promise<JoinedCircle>;
}) {
  const { t } = useTranslation();
  const open = preJoin.status === 'scheduled' || preJoin.status === 'live';
  const mayJoin = open && !preJoin.full && !preJoin.participantId;
  return (
    <div className="circle-join">
      <p className="circle-page__eyebrow">{t('circles.join.eyebrow')}</p>
      <PageHeading>{preJoin.purpose}</PageHeading>
      <p className="form-page__lead">{t('circles.join.lead', { keeper: preJoin.keeperName })}</p>
      <Facts preJoin={preJoin} />
      <CircleExplained />
      {mayJoin ? <JoinForm preJoin={preJoin} join={join} /> : <NoForm preJoin={preJoin} />}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CircleState,
  mediaOf,
  type Participant,
  participantOf,
} from '../../../shared/circles/machine.ts';
import { openMicrophones } from '../../../shared/circles/media.ts';
import { Button } from '../../ui/Button.tsx';
import { useStreamIn } from './DeviceCheck.tsx';
import type { RemotePeer } from './media-engine.ts';
import { foldedTiles, useHasPicture } from './tiles.ts';
import './media.css';

/**
 * Whose microphone is open, in words: the holder's, a keeper guiding, and the person's own. Said
 * to everyone once anyone speaks aloud, so that someone by text knows there is a voice too.
 */
export function MicStatus({ state, you }: { state: CircleState; you: string }) {
  const { t } = useTranslation();
  const open = openMicrophones(state);
  const me = participantOf(state, you);
  const withVoice = me !== undefined && mediaOf(me) !== 'text';
  if (!withVoice && open.length === 0) return null;
  const lines: string[] = [];
  const guide = state.guiding ? participantOf(state, state.guiding) : undefined;
  if (guide && open.includes(guide.id)) {
    lines.push(
      guide.id === you
        ? t('circles.media.youGuiding')
        : t('circles.media.guiding', { name: guide.name }),
    );
  }
  const holder = state.holder ? participantOf(state, state.holder) : undefined;
  if (holder && holder.id !== you && open.includes(holder.id)) {
    lines.push(
      withVoice
        ? t('circles.media.holderHeard', { name: holder.name })
        : t('circles.media.holderAloudForText', { name: holder.name }),
    );
  }
  if (withVoice && guide?.id !== you) {
    lines.push(open.includes(you) ? t('circles.media.youOpen') : t('circles.media.youClosed'));
  }
  return (
    <div className="mic-status">
      {lines.map((line) => (
        <p key={line} className="mic-status__line">
          {line}
        </p>
      ))}
    </div>
  );
}

function Tile({
  participant,
  you,
  stream,
  heard,
  holder,
  connecting,
  folded,
}: {
  participant: Participant;
  you: string;
  stream: MediaStream | null;
  heard: boolean;
  holder: boolean;
  connecting: boolean;
  /** Hidden on a narrow screen until "Show everyone"; its voice plays all the same. */
  folded: boolean;
}) {
  const { t } = useTranslation();
  const self = participant.id === you;
  const video = useStreamIn<HTMLVideoElement>(stream);
  const audio = useStreamIn<HTMLAudioElement>(self ? null : stream);
  // The second lock: a voice whose microphone is closed by the rules is not played, even if
  // its browser sends it.
  useEffect(() => {
    if (audio.current) audio.current.muted = !heard;
  }, [heard, audio]);
  const picture = useHasPicture(stream);
  const withCamera = mediaOf(participant) === 'video';
  let note = heard ? t('circles.media.heard') : t('circles.media.quiet');
  if (connecting && !self) note = t('circles.media.connecting');
  return (
    <li
      className={`media-tile${holder ? ' media-tile--holder' : ''}${heard ? ' media-tile--heard' : ''}${folded ? ' media-tile--folded' : ''}`}
    >
      {withCamera && picture ? (
        <video ref={video} className="media-tile__video" muted playsInline autoPlay />
      ) : (
        <span className="media-tile__voice" aria-hidden="true">
          {participant.name.slice(0, 1).toUpperCase()}
        </span>
      )}
      {self ? null : (
        // biome-ignore lint/a11y/useMediaCaption: a live voice has no caption file; the circle's written words stay beside it for everyone
        <audio ref={audio} autoPlay data-participant={participant.id} data-heard={heard} />
      )}
      <span className="media-tile__name">
        {self ? t('circles.media.you', { name: participant.name }) : participant.name}
      </span>
      <span className="media-tile__note">{note}</span>
    </li>
  );
}

/**
 * The people with voice or camera, in seating order: the holder's picture large, the others'
 * small, and on a phone in a large circle a few of them with the rest folded (tiles.ts). Only
 * those with a microphone see it; the text room is as it always was.
 */
export function MediaTiles({
  state,
  you,
  local,
  peers,
}: {
  state: CircleState;
  you: string;
  local: MediaStream | null;
  peers: RemotePeer[];
}) {
  const { t } = useTranslation();
  const [everyone, setEveryone] = useState(false);
  const me = participantOf(state, you);
  if (!me || mediaOf(me) === 'text' || !local) return null;
  const open = openMicrophones(state);
  const shown = state.participants.filter(
    (participant) => participant.present && !participant.removed && mediaOf(participant) !== 'text',
  );
  const folded = foldedTiles(
    shown.filter((participant) => participant.id !== state.holder).map(({ id }) => id),
    new Set([you, ...open]),
  );
  return (
    <section className="media-tiles" aria-labelledby="media-tiles-heading">
      <h2 id="media-tiles-heading" className="visually-hidden">
        {t('circles.media.tilesHeading')}
      </h2>
      <ul
        id="media-tiles-list"
        className={`media-tiles__list${everyone ? '' : ' media-tiles__list--folded'}`}
      >
        {shown.map((participant) => {
          const peer = peers.find((each) => each.id === participant.id);
          return (
            <Tile
              key={participant.id}
              participant={participant}
              you={you}
              stream={participant.id === you ? local : (peer?.stream ?? null)}
              heard={open.includes(participant.id)}
              holder={state.holder === participant.id}
              connecting={peer?.connection !== 'connected'}
              folded={folded.has(participant.id)}
            />
          );
        })}
      </ul>
      {folded.size > 0 ? (
        // Shown by media.css on a narrow screen only, where the folded tiles hide.
        <div className="media-tiles__more">
          <Button
            variant="secondary"
            aria-controls="media-tiles-list"
            aria-expanded={everyone}
            onPress={() => setEveryone(!everyone)}
          >
            {everyone
              ? t('circles.media.showFewer')
              : t('circles.media.showEveryone', { total: shown.length })}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { CircleState, Participant } from '../../../shared/circles/machine.ts';

/** A person's badge in the circle: keepers and officers are always shown as what they are. */
export function RoleBadge({ role }: { role: Participant['role'] }) {
  const { t } = useTranslation();
  if (role === 'resident' || role === 'other') return null;
  return (
    <span className={`badge circle-badge circle-badge--${role}`}>{t(`circles.roles.${role}`)}</span>
  );
}

/** The talking piece: a small stone, drawn, beside its holder's name. */
function PieceIcon() {
  return (
    <svg
      className="seat__piece"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <ellipse cx="12" cy="13" rx="9" ry="7" fill="currentColor" />
      <path className="seat__piece-mark" d="M7 11c2-2 7-2 10 0" strokeWidth="1.5" fill="none" />
    </svg>
  );
}

function seatState(participant: Participant): 'removed' | 'away' | 'stepped-out' | 'here' {
  if (participant.removed) return 'removed';
  if (!participant.present) return 'away';
  if (participant.steppedOut) return 'stepped-out';
  return 'here';
}

/**
 * Everyone in seating order, the order the piece goes round: a list that wraps into a ring of
 * names on screen and reads as a numbered list to a screen reader, with the holder, badges and
 * who stepped out said in words.
 */
export function SeatingRing({ state, you }: { state: CircleState; you: string | null }) {
  const { t } = useTranslation();
  const seated = state.participants.filter((participant) => !participant.removed);
  return (
    <section className="seating" aria-labelledby="seating-heading">
      <h2 id="seating-heading" className="room__subheading">
        {t('circles.room.seatingHeading', { count: seated.filter((each) => each.present).length })}
      </h2>
      <ol className="seating__ring">
        {seated.map((participant) => {
          const holder = state.holder === participant.id;
          const where = seatState(participant);
          return (
            <li
              key={participant.id}
              className={`seat seat--${where}${holder ? ' seat--holder' : ''}${
                participant.id === you ? ' seat--you' : ''
              }`}
              aria-current={holder ? 'true' : undefined}
            >
              {holder ? <PieceIcon /> : null}
              <span className="seat__name">
                {participant.id === you
                  ? t('circles.room.youName', { name: participant.name })
                  : participant.name}
              </span>
              <RoleBadge role={participant.role} />
              {holder ? <span className="seat__note">{t('circles.room.hasPiece')}</span> : null}
              {where === 'stepped-out' ? (
                <span className="seat__note">{t('circles.room.steppedOutMark')}</span>
              ) : null}
              {where === 'away' ? (
                <span className="seat__note">{t('circles.room.awayMark')}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

import { useEffect, useState } from 'react';

// How the tiles of a large circle fit a phone: the holder's tile large, a few listeners', and
// the rest folded behind a button. Folding only hides tiles: their voices play on.

/** A phone shows every listener's tile up to this many; beyond it, some fold away. */
export const FOLD_ABOVE = 4;
/** Listeners' tiles a folded phone still shows: one row of them. */
export const SHOWN_FOLDED = 3;

/**
 * The listeners' tiles that fold away on a narrow screen, from the listeners in seating order
 * (the holder's tile is apart and never folds). Those `pinned` (the person themself, anyone
 * who can be heard) always show; the first others fill the row.
 */
export function foldedTiles(
  listeners: readonly string[],
  pinned: ReadonlySet<string>,
): Set<string> {
  const folded = new Set<string>();
  if (listeners.length <= FOLD_ABOVE) return folded;
  let room = SHOWN_FOLDED - listeners.filter((id) => pinned.has(id)).length;
  for (const id of listeners) {
    if (pinned.has(id)) continue;
    if (room > 0) room -= 1;
    else folded.add(id);
  }
  return folded;
}

/**
 * Whether the stream shows a picture now: a camera track that is live and has frames. A
 * person whose camera is off, or whose picture has not arrived yet, gets a name tile instead
 * of an empty box. Followed, since tracks come, go and pause during a call.
 */
export function useHasPicture(stream: MediaStream | null): boolean {
  const [hasPicture, setHasPicture] = useState(false);
  useEffect(() => {
    if (!stream) {
      setHasPicture(false);
      return;
    }
    const tracks = new Set<MediaStreamTrack>();
    const check = () =>
      setHasPicture(
        stream.getVideoTracks().some((track) => track.readyState === 'live' && !track.muted),
      );
    const follow = () => {
      for (const track of stream.getVideoTracks()) {
        if (tracks.has(track)) continue;
        tracks.add(track);
        for (const event of ['mute', 'unmute', 'ended']) track.addEventListener(event, check);
      }
      check();
    };
    follow();
    stream.addEventListener('addtrack', follow);
    stream.addEventListener('removetrack', check);
    return () => {
      stream.removeEventListener('addtrack', follow);
      stream.removeEventListener('removetrack', check);
      for (const track of tracks) {
        for (const event of ['mute', 'unmute', 'ended']) track.removeEventListener(event, check);
      }
    };
  }, [stream]);
  return hasPicture;
}

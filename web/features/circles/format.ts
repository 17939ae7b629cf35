import { useTranslation } from 'react-i18next';

// A circle happens at a local time somewhere: its times are shown in its own zone, named, so that
// a keeper planning from another city and a resident on their phone read the same hour.

/** The zone's name as people say it in the reader's language, e.g. "Central Standard Time". */
export function zoneName(timeZone: string, language: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'long' })
      .formatToParts(at)
      .find((each) => each.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** "Tuesday, 12 January 2027, 18:00 (Central Standard Time)", in the reader's language. */
export function useFormatCircleTime(): (iso: string, timeZone: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (iso, timeZone) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    let when: string;
    try {
      when = new Intl.DateTimeFormat(language, {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone,
      }).format(date);
    } catch {
      when = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(
        date,
      );
    }
    return `${when} (${zoneName(timeZone, language, date)})`;
  };
}

/** Minutes as "1 h 30 min" or "45 min", for a circle's length and equal voice. */
export function useFormatMinutes(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes) => {
    const whole = Math.round(minutes);
    const hours = Math.floor(whole / 60);
    const rest = whole % 60;
    if (hours === 0) return t('circles.duration.minutes', { count: rest });
    if (rest === 0) return t('circles.duration.hours', { count: hours });
    return t('circles.duration.hoursMinutes', { hours, minutes: rest });
  };
}

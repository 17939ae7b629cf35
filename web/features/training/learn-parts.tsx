import { useTranslation } from 'react-i18next';
import type { Translated } from '../../../shared/training/course.ts';
import { useFormatDay } from '../../i18n/format.ts';
import { pickText } from './translated.ts';

// Small pieces that "My training" and a course being taken share.

/** A course text in the page's language, marked with its own when it had to fall back. */
export function Words({ text, as = 'span' }: { text: Translated; as?: 'span' | 'p' }) {
  const { i18n } = useTranslation();
  const picked = pickText(text, i18n.language);
  const Tag = as;
  return <Tag lang={picked.lang}>{picked.text}</Tag>;
}

/** Plain text whose blank lines part paragraphs: situations, feedback, consequences. */
export function Paragraphs({ text }: { text: Translated }) {
  const { i18n } = useTranslation();
  const picked = pickText(text, i18n.language);
  return (
    <div lang={picked.lang} className="learn-paragraphs">
      {picked.text
        .split(/\n\s*\n/)
        .filter((part) => part.trim() !== '')
        .map((part) => (
          <p key={part}>{part}</p>
        ))}
    </div>
  );
}

/** How far a learner is, in words and as a bar that the words name. */
export function ProgressBar({ share, words }: { share: number; words: string }) {
  return (
    <div className="learn-progress">
      <p className="learn-progress__words">{words}</p>
      <progress
        className="learn-progress__bar"
        value={Math.min(1, Math.max(0, share))}
        max={1}
        aria-label={words}
      />
    </div>
  );
}

/** The due date, and when it has passed, a kind word that the course can still be taken. */
export function DueDate({ dueOn, overdue }: { dueOn: string; overdue: boolean }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  if (!overdue)
    return <p className="learn-due">{t('training.learn.due', { date: formatDay(dueOn) })}</p>;
  return (
    <p className="learn-due learn-due--overdue">
      <span className="badge learn-overdue-mark">{t('training.learn.overdueMark')}</span>{' '}
      {t('training.learn.overdue', { date: formatDay(dueOn) })}
    </p>
  );
}

export const percentOf = (share: number) => Math.round(share * 100);

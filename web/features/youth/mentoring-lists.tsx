import { useTranslation } from 'react-i18next';
import type {
  MentoringMeeting,
  MentoringMessage,
} from '../../../shared/youth/mentoring-contract.ts';
import { useFormatDateTime } from '../../i18n/format.ts';

// A pair's messages and meetings as everyone who reads them sees them: the pair itself, the
// coordinator, and a guardian reading along.

export function MessageList({ messages }: { messages: MentoringMessage[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (messages.length === 0) return <p>{t('youthMentoring.pair.noMessages')}</p>;
  return (
    <ol className="mentoring-messages">
      {messages.map((message) => (
        <li
          key={message.id}
          className={`mentoring-message${message.mine ? ' mentoring-message--mine' : ''}`}
        >
          <p className="mentoring-message__who">
            {message.mine ? t('youthMentoring.pair.you') : message.authorName}
            <span className="mentoring-message__when"> · {formatDateTime(message.sentAt)}</span>
          </p>
          <p className="mentoring-message__body">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}

export function MeetingList({ meetings }: { meetings: MentoringMeeting[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (meetings.length === 0) return <p>{t('youthMentoring.meetings.none')}</p>;
  return (
    <ul className="young-list">
      {meetings.map((meeting) => (
        <li key={meeting.id}>
          {t('youthMentoring.meetings.item', {
            when: formatDateTime(meeting.metAt),
            place: meeting.place,
            present: meeting.present.join(', '),
            by: meeting.loggedByName,
          })}
        </li>
      ))}
    </ul>
  );
}

import { useParams } from 'react-router';
import { AnswerView } from './AnswerView.tsx';

/** /answer/:token: a survey mailed after a circle or a conference, or one of "your surveys". */
export function AnswerPage() {
  const { token = '' } = useParams();
  return <AnswerView token={token} />;
}

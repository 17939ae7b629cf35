import type { Learning, StepBody } from '../../../shared/training/contract.ts';
import type { Step } from '../../../shared/training/course.ts';

/** What every step kind's view gets from the page that takes the course. */
export interface StepViewProps<Kind extends Step['type']> {
  step: Extract<Step, { type: Kind }>;
  learning: Learning;
  /** Sends one step; the course as it stands after, or undefined when refused (said above). */
  take: (body: StepBody) => Promise<Learning | undefined>;
  /** Shares a written reflection with the course's coordinators, or stops sharing it. */
  shareWritten: (stepId: string, shared: boolean) => Promise<Learning | undefined>;
  /** A step is being sent: a second press is ignored. */
  busy: boolean;
  /** Goes on to the next step not done, once this one is. */
  goOn: (after: Learning) => void;
  /** Moves focus to "Next step", for when the control that had it goes away. */
  focusNext: () => void;
  /** Says something in the page's polite live region. */
  announce: (words: string) => void;
}

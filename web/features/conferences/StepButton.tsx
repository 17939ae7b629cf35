import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCommandBody } from '../../../shared/conferences/contract.ts';
import { Button, type ButtonVariant } from '../../ui/Button.tsx';
import { runTransition } from './api.ts';
import { ActionProblem } from './marks.tsx';
import { useActionProblem, useCaseChange } from './useCaseChange.ts';

/**
 * One step of the workflow that needs no words (begin screening, accept, record the conference
 * as held): a button, and under it the reason when the workflow refuses the step.
 */
export function StepButton({
  caseId,
  command,
  label,
  done,
  variant = 'primary',
  help,
}: {
  caseId: string;
  command: CaseCommandBody;
  label: string;
  /** Said once the step is taken. */
  done: string;
  variant?: ButtonVariant;
  help?: ReactNode;
}) {
  const problem = useActionProblem();
  const mutation = useCaseChange(() => runTransition(caseId, command), done);
  return (
    <div className="case-step">
      {help ? <p className="case-step__help">{help}</p> : null}
      <Button
        variant={variant}
        isBusy={mutation.isPending}
        onPress={() => {
          if (mutation.isPending) return;
          problem.clear();
          mutation.mutate(undefined, { onError: problem.show });
        }}
      >
        {label}
      </Button>
      <ActionProblem message={problem.message} />
    </div>
  );
}

/** The reason the page shows no way forward yet, when the case waits on something. */
export function Waiting({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p className="case-waiting">
      <span className="visually-hidden">{t('conferences.case.waiting')} </span>
      {children}
    </p>
  );
}

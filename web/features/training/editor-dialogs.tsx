import { useTranslation } from 'react-i18next';
import type { Blocker } from 'react-router';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';

// The editor's two questions: leave with changes not saved, and remove a part with all it holds.

/** Shown while a move to another page waits: it goes on, or the author stays with their work. */
export function LeaveDialog({ blocker }: { blocker: Blocker }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('training.editor.leave.title')}
      isOpen={blocker.state === 'blocked'}
      onOpenChange={(open) => {
        if (!open && blocker.state === 'blocked') blocker.reset();
      }}
    >
      <p>{t('training.editor.leave.body')}</p>
      <div className="form-actions">
        <Button variant="danger" onPress={() => blocker.proceed?.()}>
          {t('training.editor.leave.leave')}
        </Button>
        <Button variant="primary" onPress={() => blocker.reset?.()}>
          {t('training.editor.leave.stay')}
        </Button>
      </div>
    </Dialog>
  );
}

/** Open while `what` names a part ("Module 2") the author asked to remove. */
export function RemoveDialog({
  what,
  onRemove,
  onClose,
}: {
  what: string | undefined;
  onRemove: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('training.editor.confirm.title')}
      isOpen={what !== undefined}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      {(close) => (
        <>
          <p>{t('training.editor.confirm.body', { what: what ?? '' })}</p>
          <div className="form-actions">
            <Button
              variant="danger"
              onPress={() => {
                onRemove();
                close();
              }}
            >
              {t('training.editor.confirm.remove')}
            </Button>
            <Button variant="quiet" onPress={close}>
              {t('training.editor.confirm.keep')}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}

import type { ReactNode } from 'react';
import {
  Dialog as AriaDialog,
  Heading,
  Modal,
  ModalOverlay,
  type ModalOverlayProps,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import './dialog.css';

export { DialogTrigger } from 'react-aria-components';

export interface DialogProps extends Omit<ModalOverlayProps, 'children' | 'className'> {
  title: string;
  /** The body; a function receives `close` for buttons that end the dialog. */
  children: ReactNode | ((close: () => void) => ReactNode);
}

/**
 * A modal dialog: focus moves into it and stays there until it closes, Escape closes it, and
 * focus returns to what opened it. Place it inside a `DialogTrigger` after its trigger button,
 * or control it with `isOpen` / `onOpenChange`.
 */
export function Dialog({ title, children, isDismissable = true, ...overlayProps }: DialogProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay {...overlayProps} isDismissable={isDismissable} className="dialog-overlay">
      <Modal className="dialog-modal">
        <AriaDialog className="dialog">
          {({ close }) => (
            <>
              <div className="dialog__header">
                <Heading slot="title" className="dialog__title">
                  {title}
                </Heading>
                <Button variant="quiet" onPress={close} className="dialog__close">
                  {t('ui.close')}
                </Button>
              </div>
              <div className="dialog__body">
                {typeof children === 'function' ? children(close) : children}
              </div>
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

import {
  Button as AriaButton,
  UNSTABLE_Toast as AriaToast,
  Text,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import './toast.css';

export interface ToastMessage {
  title: string;
  description?: string;
}

/** One queue for the whole app; any module may call `showToast`. */
export const toastQueue = new ToastQueue<ToastMessage>({ maxVisibleToasts: 3 });

/**
 * Shows a short, non-essential message that is announced to screen readers. It closes by itself
 * after `timeout` ms (at least 5 s, so people have time to read it) or when dismissed.
 */
export function showToast(message: ToastMessage, timeout = 6000): void {
  toastQueue.add(message, { timeout: Math.max(timeout, 5000) });
}

/** Renders the toasts; mount once, near the root. */
export function Toasts() {
  const { t } = useTranslation();
  return (
    <ToastRegion queue={toastQueue} className="toast-region" aria-label={t('ui.notifications')}>
      {({ toast }) => (
        <AriaToast toast={toast} className="toast">
          <ToastContent className="toast__content">
            <Text slot="title" className="toast__title">
              {toast.content.title}
            </Text>
            {toast.content.description ? (
              <Text slot="description" className="toast__description">
                {toast.content.description}
              </Text>
            ) : null}
          </ToastContent>
          <AriaButton slot="close" className="toast__close" aria-label={t('ui.dismiss')}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path
                d="M6 6l12 12M18 6L6 18"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
          </AriaButton>
        </AriaToast>
      )}
    </ToastRegion>
  );
}

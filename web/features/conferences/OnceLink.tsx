import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { showToast } from '../../ui/Toast.tsx';

/**
 * A link shown this once (its token is kept only as a hash on the server): the address in full,
 * a button that copies it, and what to do with it.
 */
export function OnceLink({
  heading,
  url,
  children,
  onDone,
  testId,
  level = 3,
}: {
  heading: string;
  /** The heading's level where the link appears: 2 on its own page, 3 inside a section. */
  level?: 2 | 3;
  url: string;
  /** What the link is for and who should get it. */
  children: ReactNode;
  onDone?: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="once-link" role="status">
      <Heading className="once-link__heading">{heading}</Heading>
      {children}
      <p className="once-link__value" data-testid={testId}>
        {url}
      </p>
      <div className="form-actions">
        <Button
          onPress={async () => {
            try {
              await navigator.clipboard.writeText(url);
              showToast({ title: t('conferences.link.copied') });
            } catch {
              showToast({ title: t('conferences.link.copyFailed') });
            }
          }}
        >
          {t('conferences.link.copy')}
        </Button>
        {onDone ? (
          <Button variant="secondary" onPress={onDone}>
            {t('conferences.link.done')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { showToast } from '../../ui/Toast.tsx';

const fileName = 'restorativ-backup-codes.txt';

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the address is let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Backup codes, shown once: each signs in one time without the phone. The person copies or
 * downloads them and says they saved them before going on.
 */
export function BackupCodes({
  codes,
  onDone,
  doneLabel,
}: {
  codes: readonly string[];
  onDone: () => void;
  doneLabel: string;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [missing, setMissing] = useState(false);
  const text = `${t('secondFactor.codes.fileHeading')}\n\n${codes.join('\n')}\n`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      showToast({ title: t('secondFactor.codes.copied') });
    } catch {
      showToast({ title: t('secondFactor.codes.copyFailed') });
    }
  }

  return (
    <div className="backup-codes">
      <ol className="backup-codes__list" aria-label={t('secondFactor.codes.listLabel')}>
        {codes.map((code) => (
          <li key={code} className="backup-codes__code">
            {code}
          </li>
        ))}
      </ol>
      <div className="backup-codes__actions">
        <Button variant="secondary" onPress={() => void copy()}>
          {t('secondFactor.codes.copy')}
        </Button>
        <Button variant="secondary" onPress={() => download(text)}>
          {t('secondFactor.codes.download')}
        </Button>
      </div>
      <Checkbox
        isSelected={saved}
        onChange={(value) => {
          setSaved(value);
          if (value) setMissing(false);
        }}
        errorMessage={missing ? t('secondFactor.codes.notSaved') : undefined}
      >
        {t('secondFactor.codes.saved')}
      </Checkbox>
      <div className="form-actions">
        <Button
          onPress={() => {
            if (saved) onDone();
            else setMissing(true);
          }}
        >
          {doneLabel}
        </Button>
      </div>
    </div>
  );
}

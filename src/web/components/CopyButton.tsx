import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useT } from '../i18n.ts';

/** Copies a text to the clipboard and says so; falls back to selecting the text where the clipboard is blocked. */
export function CopyButton({
  text,
  label,
  fallbackTargetId,
}: {
  text: string;
  label: string;
  fallbackTargetId?: string;
}) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="copy">
      <Button
        className="button button-secondary"
        onPress={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState('copied');
          } catch {
            const target = fallbackTargetId ? document.getElementById(fallbackTargetId) : null;
            if (target instanceof HTMLInputElement) target.select();
            setState('failed');
          }
        }}
      >
        {label}
      </Button>
      <span role="status" className="copy-status">
        {state === 'copied' ? t('copy.done') : state === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  );
}

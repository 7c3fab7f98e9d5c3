import { useEffect, useRef } from 'react';

/**
 * Calls reload when `value` changes after the first render: a section that loads its own data
 * follows what another section changed (the record's timeline count), without a second load at mount.
 */
export function useReloadOnChange(value: unknown, reload: () => void) {
  const previous = useRef(value);
  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    reload();
  }, [value, reload]);
}

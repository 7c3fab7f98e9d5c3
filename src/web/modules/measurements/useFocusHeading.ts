import { useEffect, useRef } from 'react';

/** A heading that takes the focus when it appears: a new step of a flow is read from its top. */
export function useFocusHeading<E extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<E>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

import { useEffect, useState } from 'react';
import { tokenFromHash } from './answers.ts';

/** Takes the address out of the bar, keeping the page: what was after # must not stay in history. */
function forgetHash() {
  if (window.location.hash)
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}

/**
 * The token of a self-fill link, read once from the address (/invullen#<token>) and then
 * removed from it, so it does not linger in the address bar, the history or a shared
 * screenshot. A link opened again in the same tab is a new visit.
 */
export function useSelfFillToken(): { token: string; visit: number } {
  const [link, setLink] = useState(() => ({ token: tokenFromHash(window.location.hash), visit: 0 }));
  useEffect(() => {
    forgetHash();
    // Opening the same link again in this tab counts as a new visit: the page asks the server anew.
    const onHashChange = () => {
      const next = tokenFromHash(window.location.hash);
      if (next) setLink((l) => ({ token: next, visit: l.visit + 1 }));
      forgetHash();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return link;
}

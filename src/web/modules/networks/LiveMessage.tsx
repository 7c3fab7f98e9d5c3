import { useCallback, useRef, useState } from 'react';

/**
 * A polite spoken message for moves and changes that happen without a page change
 * (a member dragged, a card moved up). Changing the key re-creates the text node, so
 * saying the same words twice ("… is already in the inner circle") is announced twice.
 */
export function useLiveMessage() {
  const [message, setMessage] = useState({ text: '', key: 0 });
  const counter = useRef(0);
  const announce = useCallback((text: string) => {
    counter.current += 1;
    setMessage({ text, key: counter.current });
  }, []);
  return { message, announce };
}

export function LiveMessage({ message }: { message: { text: string; key: number } }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      <span key={message.key}>{message.text}</span>
    </div>
  );
}

import { useCallback, useEffect, useState } from 'react';

function speechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
}

/**
 * Reading a text aloud with the browser's own voice, where it has one. `available` is false
 * otherwise, and the page then hides the button rather than offering what cannot work.
 */
export function useSpeech() {
  const [available] = useState(speechAvailable);
  const [speaking, setSpeaking] = useState(false);

  const stop = useCallback(() => {
    if (!available) return;
    window.speechSynthesis.cancel();
    setSpeaking(false);
  }, [available]);

  const speak = useCallback(
    (text: string, lang: string) => {
      if (!available) return;
      // A new question interrupts the old one instead of queueing behind it.
      window.speechSynthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.rate = 0.9;
      utterance.onend = () => setSpeaking(false);
      utterance.onerror = () => setSpeaking(false);
      setSpeaking(true);
      window.speechSynthesis.speak(utterance);
    },
    [available],
  );

  // Leaving the page stops the voice.
  useEffect(() => stop, [stop]);

  return { available, speaking, speak, stop };
}

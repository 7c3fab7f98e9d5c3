import { useEffect, useId, useRef } from 'react';
import { Button, Radio, RadioGroup } from 'react-aria-components';
import { useT } from '../../i18n.ts';
import type { AnswerForm, Answers, Instrument } from './types.ts';
import type { useSpeech } from './useSpeech.ts';

/**
 * One question on its own screen, for the worker who reads it aloud (interview) or for the
 * person on their own phone (self-fill): big answer tiles, "Lees voor" where the browser can
 * speak, back and forward. Forward says "Sla over" until an answer is chosen, so skipping is
 * a visible choice and never an accident.
 */
export function QuestionStep({
  instrument,
  index,
  answers,
  form,
  onAnswer,
  onBack,
  onForward,
  lastLabel,
  variant,
  speech,
}: {
  instrument: Instrument;
  index: number;
  answers: Answers;
  form: AnswerForm;
  onAnswer: (item: number, code: string) => void;
  onBack?: () => void;
  onForward: () => void;
  lastLabel: string;
  variant: 'interview' | 'self';
  speech?: ReturnType<typeof useSpeech>;
}) {
  const t = useT();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const item = instrument.items[index];
  const total = instrument.items.length;
  // Each new question takes the focus, so a screen reader reads it and the keyboard starts there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: index is the trigger
  useEffect(() => {
    heading.current?.focus();
  }, [index]);
  if (!item) return null;
  const answer = answers[item.number] ?? null;
  const isLast = index === total - 1;
  const lang = instrument.wording.locale;
  const readAloud = () => speech?.speak(`${item.text} ${form.options.map((o) => o.label).join(', ')}.`, lang);
  return (
    <section className={`mq-question mq-question-${variant}`} aria-labelledby={headingId}>
      <p className="mq-progress">
        <span>{t('measurements.question.progress', { n: index + 1, total })}</span>
        <progress className="mq-progress-bar" max={total} value={index + 1} aria-hidden="true" />
      </p>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="mq-question-text" lang={lang}>
        {item.text}
      </h2>
      {speech?.available ? (
        <Button
          className="button button-secondary mq-read"
          onPress={() => (speech.speaking ? speech.stop() : readAloud())}
        >
          <span aria-hidden="true" className="mq-read-icon" />
          {speech.speaking ? t('measurements.question.stopReading') : t('measurements.question.readAloud')}
        </Button>
      ) : null}
      <RadioGroup
        aria-labelledby={headingId}
        value={answer}
        onChange={(code) => onAnswer(item.number, code)}
        className="mq-answers"
      >
        {form.options.map((o) => (
          <Radio key={o.code} value={o.code} className="mq-answer">
            <span className="mq-answer-dot" aria-hidden="true" />
            <span lang={lang}>{o.label}</span>
          </Radio>
        ))}
      </RadioGroup>
      <div className="mq-step-actions">
        {onBack ? (
          <Button className="button button-secondary" onPress={onBack}>
            {t('measurements.question.back')}
          </Button>
        ) : null}
        {/* A new button, not a restyled one: a colour transition halfway would read as low contrast. */}
        <Button
          key={answer === null ? 'skip' : 'next'}
          className={answer === null ? 'button button-secondary' : 'button button-primary'}
          onPress={onForward}
        >
          {answer === null
            ? t('measurements.question.skip')
            : isLast
              ? lastLabel
              : t('measurements.question.next')}
        </Button>
      </div>
    </section>
  );
}

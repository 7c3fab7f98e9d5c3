import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { answeredCount, answerForm, completeAnswers } from './answers.ts';
import { WordingNotice } from './InstrumentSetup.tsx';
import { QuestionStep } from './QuestionStep.tsx';
import type { Answers, Instrument, SelfFillOpen } from './types.ts';
import { useFocusHeading } from './useFocusHeading.ts';
import { useSelfFillToken } from './useSelfFillToken.ts';
import { useSpeech } from './useSpeech.ts';
import './measurements.css';

/** Why a link cannot be used; each has its own friendly page. */
type LinkProblem = 'missing' | 'used' | 'expired' | 'unknown';

type State =
  | { kind: 'loading' }
  | { kind: 'problem'; problem: LinkProblem }
  | { kind: 'failed'; message: string }
  | { kind: 'open'; opened: SelfFillOpen }
  | { kind: 'done' };

function problemOf(code: string, status: number): LinkProblem | null {
  if (code === 'measurements.link_used' || status === 409) return 'used';
  if (code === 'measurements.link_expired' || status === 410) return 'expired';
  // A malformed token is refused by validation (400) with the same meaning as an unknown one.
  if (code === 'measurements.link_unknown' || status === 404 || status === 400) return 'unknown';
  return null;
}

/**
 * The page a self-fill link opens, without an account: very large text, one question per
 * screen, read aloud on request, then "Versturen". It shows nothing about the person.
 */
export function SelfFillPage() {
  const t = useT();
  const { i18n } = useTranslation();
  const { token, visit } = useSelfFillToken();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  // Once sent, a change of language must not reopen the (now used) link; opening it again does.
  const sentOnVisit = useRef<number | null>(null);
  // The first load asks for the language chosen when the link was made; after that, the reader's choice counts.
  const linkLanguageShown = useRef(false);

  // The questions come in the reader's language where a validated wording exists: a new language, a new load.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language, the visit and the retry counter are triggers
  useEffect(() => {
    if (sentOnVisit.current === visit) return;
    if (!token) {
      setState({ kind: 'problem', problem: 'missing' });
      return;
    }
    const controller = new AbortController();
    setState({ kind: 'loading' });
    api
      .post<SelfFillOpen>(
        '/api/self-fill/open',
        linkLanguageShown.current ? { token, locale: i18n.language } : { token },
        { signal: controller.signal, allowUnauthorized: true },
      )
      .then(
        (opened) => {
          setState({ kind: 'open', opened });
          if (!linkLanguageShown.current) {
            linkLanguageShown.current = true;
            if (opened.locale !== i18n.language) void i18n.changeLanguage(opened.locale);
          }
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          const error = asApiError(e);
          const problem = problemOf(error.code, error.status);
          setState(problem ? { kind: 'problem', problem } : { kind: 'failed', message: error.title });
        },
      );
    return () => controller.abort();
  }, [token, visit, i18n.language, generation]);

  const onProblem = useCallback((problem: LinkProblem) => setState({ kind: 'problem', problem }), []);
  const onDone = useCallback(() => {
    sentOnVisit.current = visit;
    setState({ kind: 'done' });
  }, [visit]);

  if (state.kind === 'loading')
    return (
      <Page title={t('measurements.self.title')}>
        <Loading />
      </Page>
    );
  if (state.kind === 'failed')
    return (
      <Page key="failed" title={t('measurements.self.title')}>
        <div className="mq-self">
          <ErrorAlert message={state.message} />
          <Button className="button button-primary" onPress={() => setGeneration((g) => g + 1)}>
            {t('measurements.self.retry')}
          </Button>
        </div>
      </Page>
    );
  if (state.kind === 'problem') return <ProblemPage problem={state.problem} />;
  if (state.kind === 'done')
    return (
      <Page key="done" title={t('measurements.self.doneTitle')}>
        <div className="mq-self mq-self-message">
          <p className="mq-self-lead">{t('measurements.self.doneText')}</p>
          <p>{t('measurements.self.doneClose')}</p>
        </div>
      </Page>
    );
  return <Questionnaire token={token} opened={state.opened} onProblem={onProblem} onDone={onDone} />;
}

function ProblemPage({ problem }: { problem: LinkProblem }) {
  const t = useT();
  return (
    <Page key={problem} title={t(`measurements.self.problems.${problem}.title`)}>
      <div className="mq-self mq-self-message">
        <p>{t(`measurements.self.problems.${problem}.text`)}</p>
      </div>
    </Page>
  );
}

type Step = { kind: 'start' } | { kind: 'question'; index: number } | { kind: 'send' };

function Questionnaire({
  token,
  opened,
  onProblem,
  onDone,
}: {
  token: string;
  opened: SelfFillOpen;
  onProblem: (problem: LinkProblem) => void;
  onDone: () => void;
}) {
  const t = useT();
  const instrument = opened.instrument;
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [answers, setAnswers] = useState<Answers>({});
  const speech = useSpeech();
  const last = instrument.items.length - 1;

  return (
    <Page title={t('measurements.self.title')}>
      <div className="mq-self">
        {step.kind === 'start' ? (
          <StartScreen
            instrument={instrument}
            expiresAt={opened.expiresAt}
            canSpeak={speech.available}
            onBegin={() => setStep({ kind: 'question', index: 0 })}
          />
        ) : null}
        {step.kind === 'question' ? (
          <QuestionStep
            instrument={instrument}
            index={step.index}
            answers={answers}
            form={answerForm(instrument, null)}
            onAnswer={(item, code) => setAnswers((a) => ({ ...a, [item]: code }))}
            onBack={() =>
              setStep(step.index === 0 ? { kind: 'start' } : { kind: 'question', index: step.index - 1 })
            }
            onForward={() => {
              speech.stop();
              setStep(step.index >= last ? { kind: 'send' } : { kind: 'question', index: step.index + 1 });
            }}
            lastLabel={t('measurements.self.toSend')}
            variant="self"
            speech={speech}
          />
        ) : null}
        {step.kind === 'send' ? (
          <SendScreen
            token={token}
            instrument={instrument}
            answers={answers}
            onBack={() => setStep({ kind: 'question', index: last })}
            onDone={onDone}
            onProblem={onProblem}
          />
        ) : null}
      </div>
    </Page>
  );
}

function StartScreen({
  instrument,
  expiresAt,
  canSpeak,
  onBegin,
}: {
  instrument: Instrument;
  expiresAt: string;
  canSpeak: boolean;
  onBegin: () => void;
}) {
  const t = useT();
  return (
    <>
      <p className="mq-self-lead">{t('measurements.self.intro', { count: instrument.items.length })}</p>
      <p>{t('measurements.self.noWrong')}</p>
      {canSpeak ? <p>{t('measurements.self.readAloudHint')}</p> : null}
      <WordingNotice instrument={instrument} />
      {instrument.introduction ? (
        <p className="mq-introduction" lang={instrument.wording.locale}>
          {instrument.introduction}
        </p>
      ) : null}
      <Button className="button button-primary mq-big" onPress={onBegin}>
        {t('measurements.self.begin')}
      </Button>
      <p className="muted">{t('measurements.self.until', { until: formatDateTime(expiresAt) })}</p>
    </>
  );
}

function SendScreen({
  token,
  instrument,
  answers,
  onBack,
  onDone,
  onProblem,
}: {
  token: string;
  instrument: Instrument;
  answers: Answers;
  onBack: () => void;
  onDone: () => void;
  onProblem: (problem: LinkProblem) => void;
}) {
  const t = useT();
  const heading = useFocusHeading();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const total = instrument.items.length;
  const open = total - answeredCount(instrument, answers);
  const send = async () => {
    setPending(true);
    setError(null);
    try {
      await api.post(
        '/api/self-fill/submit',
        { token, answers: completeAnswers(instrument, answers) },
        {
          allowUnauthorized: true,
        },
      );
      onDone();
    } catch (e) {
      const apiError = asApiError(e);
      const problem = problemOf(apiError.code, apiError.status);
      // A double tap or a second tab already sent the answers: that is the "used" page, not an error.
      if (problem && problem !== 'unknown') onProblem(problem);
      else setError(apiError.title);
    } finally {
      setPending(false);
    }
  };
  return (
    <section aria-labelledby="mq-send" className="mq-question mq-question-self">
      <h2 id="mq-send" ref={heading} tabIndex={-1} className="mq-question-text">
        {t('measurements.self.sendTitle')}
      </h2>
      <p>
        {open === 0
          ? t('measurements.self.allAnswered', { total })
          : t('measurements.self.someOpen', { count: open, total })}
      </p>
      <ErrorAlert message={error} />
      <div className="mq-step-actions">
        <Button className="button button-secondary" onPress={onBack}>
          {t('measurements.question.back')}
        </Button>
        <Button className="button button-primary" isPending={pending} onPress={() => void send()}>
          {t('measurements.self.send')}
        </Button>
      </div>
    </section>
  );
}

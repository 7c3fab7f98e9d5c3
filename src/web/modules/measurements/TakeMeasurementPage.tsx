import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useParams, useSearch } from 'wouter';
import { api } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import { clientName } from '../clients/labels.tsx';
import type { ClientDetail } from '../clients/types.ts';
import { answerForm, brusselsDay, completeAnswers } from './answers.ts';
import { InstrumentSetup } from './InstrumentSetup.tsx';
import { InterviewSummary } from './InterviewSummary.tsx';
import { PaperForm } from './PaperForm.tsx';
import { QuestionStep } from './QuestionStep.tsx';
import { SavedResult } from './SavedResult.tsx';
import {
  type Answers,
  type Instrument,
  type InstrumentList,
  isInstrumentId,
  type Measurement,
} from './types.ts';
import { useSpeech } from './useSpeech.ts';
import '../clients/clients.css';
import '../signals/signals.css';
import './measurements.css';

type Stage = 'setup' | 'questions' | 'summary' | 'saved';

/** Where this measurement belongs: a follow-up's moment, from the query (?track=…&occasion=…). */
function followUpFrom(search: URLSearchParams) {
  const trackId = search.get('track');
  const occasion = Number(search.get('occasion'));
  const instrument = search.get('instrument');
  if (!trackId || !Number.isInteger(occasion) || !isInstrumentId(instrument)) return null;
  return { trackId, occasionMonths: occasion, instrumentId: instrument };
}

/**
 * Taking a measurement with the person: in a conversation, one question per screen for the
 * worker to read aloud, a summary, then the result; or typed over from a paper form.
 */
export function TakeMeasurementPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const search = new URLSearchParams(useSearch());
  const mode = search.get('mode') === 'paper' ? 'paper' : 'interviewer';
  const [followUp] = useState(() => followUpFrom(search));
  const asked = search.get('instrument');
  const client = useResource<ClientDetail>(`/api/clients/${id}`);
  const instruments = useResource<InstrumentList>('/api/instruments');
  const [instrumentId, setInstrumentId] = useState<string>(
    followUp?.instrumentId ?? (isInstrumentId(asked) ? asked : 'djg-6'),
  );
  const definition = useResource<Instrument>(`/api/instruments/${instrumentId}`);
  const [formId, setFormId] = useState('3-point');
  const [stage, setStage] = useState<Stage>('setup');
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const [saved, setSaved] = useState<Measurement | null>(null);
  const speech = useSpeech();
  const name = client.data ? clientName(client.data) : '';
  const back = `/clients/${id}/measurements`;
  const instrument = definition.data?.id === instrumentId ? definition.data : undefined;

  const save = async (takenOn: string, given: Answers) => {
    if (!instrument) return;
    const result = await api.post<Measurement>(`/api/clients/${id}/measurements`, {
      instrumentId: instrument.id,
      mode,
      takenOn,
      answers: completeAnswers(instrument, given),
      ...(followUp ? { trackId: followUp.trackId, occasionMonths: followUp.occasionMonths } : {}),
    });
    setSaved(result);
    setStage('saved');
  };

  const title = !name
    ? t('measurements.take.loadingTitle')
    : mode === 'paper'
      ? t('measurements.take.paperTitle', { name })
      : t('measurements.take.interviewTitle', { name });

  return (
    <Page title={title} wide={mode === 'paper'}>
      <p>
        <Link href={back} className="link">
          {t('measurements.take.back')}
        </Link>
      </p>
      <Loaded resource={instruments}>
        {(list) => (
          <>
            {stage === 'setup' ? (
              <div className="mq-setup">
                <p>
                  {mode === 'paper'
                    ? t('measurements.take.paperIntro')
                    : t('measurements.take.interviewIntro')}
                </p>
                <InstrumentSetup
                  instruments={list.instruments}
                  instrumentId={instrumentId}
                  onInstrument={(next) => {
                    setInstrumentId(next);
                    setAnswers({});
                    setFormId('3-point');
                  }}
                  fixed={followUp !== null}
                  definition={instrument}
                  formId={formId}
                  onForm={setFormId}
                />
                {!instrument ? null : mode === 'paper' ? (
                  <PaperForm
                    key={`${instrument.id}-${formId}`}
                    instrument={instrument}
                    form={answerForm(instrument, formId)}
                    onSave={save}
                  />
                ) : (
                  <>
                    {instrument.introduction ? (
                      <div className="mq-introduction">
                        <p className="field-label">{t('measurements.take.readIntroduction')}</p>
                        <p lang={instrument.wording.locale}>{instrument.introduction}</p>
                      </div>
                    ) : null}
                    <div className="actions">
                      <Button
                        className="button button-primary"
                        onPress={() => {
                          setIndex(0);
                          setStage('questions');
                        }}
                      >
                        {t('measurements.take.begin')}
                      </Button>
                    </div>
                  </>
                )}
              </div>
            ) : null}
            {stage === 'questions' && instrument ? (
              <QuestionStep
                instrument={instrument}
                index={index}
                answers={answers}
                form={answerForm(instrument, formId)}
                onAnswer={(item, code) => setAnswers((a) => ({ ...a, [item]: code }))}
                onBack={() => (index === 0 ? setStage('setup') : setIndex(index - 1))}
                onForward={() =>
                  index + 1 >= instrument.items.length ? setStage('summary') : setIndex(index + 1)
                }
                lastLabel={t('measurements.question.toSummary')}
                variant="interview"
                speech={speech}
              />
            ) : null}
            {stage === 'summary' && instrument ? (
              <InterviewSummary
                instrument={instrument}
                form={answerForm(instrument, formId)}
                answers={answers}
                onChange={(i) => {
                  setIndex(i);
                  setStage('questions');
                }}
                onSave={() => save(brusselsDay(new Date()), answers)}
              />
            ) : null}
            {stage === 'saved' && saved ? <SavedResult clientId={id} measurement={saved} /> : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}

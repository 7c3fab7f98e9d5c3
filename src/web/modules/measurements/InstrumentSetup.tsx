import { useT } from '../../i18n.ts';
import { RadioField } from '../signals/fields.tsx';
import type { Instrument, InstrumentSummary } from './types.ts';

/** Which questionnaire, and for De Jong Gierveld which answers: three, or the five-point variant. */
export function InstrumentSetup({
  instruments,
  instrumentId,
  onInstrument,
  fixed,
  definition,
  formId,
  onForm,
}: {
  instruments: InstrumentSummary[];
  instrumentId: string;
  onInstrument: (id: string) => void;
  /** Set by a follow-up: its questionnaire cannot change. */
  fixed: boolean;
  definition: Instrument | undefined;
  formId: string;
  onForm: (id: string) => void;
}) {
  const t = useT();
  const forms = definition?.answerForms ?? [];
  return (
    <>
      {fixed ? (
        <p>
          {t('measurements.take.fixedInstrument', {
            name: instruments.find((i) => i.id === instrumentId)?.name ?? instrumentId,
          })}
        </p>
      ) : (
        <RadioField
          label={t('measurements.take.instrument')}
          name="instrumentId"
          description={t('measurements.take.instrumentHint')}
          options={instruments.map((i) => ({ id: i.id, label: i.name }))}
          value={instrumentId}
          onChange={onInstrument}
        />
      )}
      {forms.length > 1 ? (
        <RadioField
          label={t('measurements.take.answerForm')}
          name="answerForm"
          options={forms.map((f) => ({
            id: f.id,
            label: t('measurements.take.answerFormOption', {
              count: f.options.length,
              answers: f.options.map((o) => o.label).join(' · '),
            }),
          }))}
          value={formId}
          onChange={onForm}
        />
      ) : null}
      <WordingNotice instrument={definition} />
    </>
  );
}

/** Said plainly when the questions are not in the reader's language: no validated wording exists. */
export function WordingNotice({ instrument }: { instrument: Instrument | undefined }) {
  if (!instrument?.wording.notice) return null;
  return (
    <div className="alert alert-info">
      <p>{instrument.wording.notice}</p>
    </div>
  );
}

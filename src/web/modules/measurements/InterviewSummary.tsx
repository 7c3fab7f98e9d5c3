import { Button } from 'react-aria-components';
import { FormAlert, useApiForm } from '../../components/forms.tsx';
import { useT } from '../../i18n.ts';
import { answeredCount } from './answers.ts';
import type { AnswerForm, Answers, Instrument } from './types.ts';
import { useFocusHeading } from './useFocusHeading.ts';

/** All answers at a glance before saving, each one changeable: the person can still say "no, I meant…". */
export function InterviewSummary({
  instrument,
  form,
  answers,
  onChange,
  onSave,
}: {
  instrument: Instrument;
  form: AnswerForm;
  answers: Answers;
  onChange: (index: number) => void;
  onSave: () => Promise<void>;
}) {
  const t = useT();
  const state = useApiForm();
  const heading = useFocusHeading();
  const labelOf = (code: string | null | undefined) =>
    form.options.find((o) => o.code === code)?.label ?? null;
  const count = answeredCount(instrument, answers);
  return (
    <section aria-labelledby="mq-summary" className="mq-summary">
      <h2 id="mq-summary" ref={heading} tabIndex={-1}>
        {t('measurements.summary.title')}
      </h2>
      <p>{t('measurements.summary.count', { count, total: instrument.items.length })}</p>
      <FormAlert error={state.error} />
      <ul className="mq-summary-list">
        {instrument.items.map((item, i) => {
          const label = labelOf(answers[item.number]);
          return (
            <li key={item.number} className="mq-summary-item">
              <p>
                {i + 1}. <span lang={instrument.wording.locale}>{item.text}</span>
              </p>
              <p className="mq-summary-answer">
                {label ? (
                  <strong lang={instrument.wording.locale}>{label}</strong>
                ) : (
                  <em>{t('measurements.summary.unanswered')}</em>
                )}
              </p>
              <Button
                className="button button-quiet"
                aria-label={t('measurements.summary.changeItem', { n: i + 1 })}
                onPress={() => onChange(i)}
              >
                {t('measurements.summary.change')}
              </Button>
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <Button
          className="button button-primary"
          isPending={state.pending}
          onPress={() => void state.run(onSave)}
        >
          {t('measurements.summary.save')}
        </Button>
        <Button className="button button-secondary" onPress={() => onChange(instrument.items.length - 1)}>
          {t('measurements.summary.back')}
        </Button>
      </div>
    </section>
  );
}

import { useState } from 'react';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { useT } from '../../i18n.ts';
import { RadioField } from '../signals/fields.tsx';
import { answeredCount, brusselsDay } from './answers.ts';
import type { AnswerForm, Answers, Instrument } from './types.ts';

/** A paper questionnaire typed over: every question at once, and the day the paper was filled in. */
export function PaperForm({
  instrument,
  form,
  onSave,
}: {
  instrument: Instrument;
  form: AnswerForm;
  onSave: (takenOn: string, answers: Answers) => Promise<void>;
}) {
  const t = useT();
  const state = useApiForm();
  const [answers, setAnswers] = useState<Answers>({});
  const options = form.options.map((o) => ({ id: o.code, label: o.label }));
  return (
    <ApiForm form={state} onSubmit={(values) => void state.run(() => onSave(values.takenOn ?? '', answers))}>
      <Field
        name="takenOn"
        type="date"
        label={t('measurements.paper.takenOn')}
        description={t('measurements.paper.takenOnHint')}
        defaultValue={brusselsDay(new Date())}
        isRequired
        inputClassName="clients-date"
      />
      <ol className="mq-paper-items" lang={instrument.wording.locale}>
        {instrument.items.map((item, i) => (
          <li key={item.number} className="mq-paper-item">
            <RadioField
              label={`${i + 1}. ${item.text}`}
              name={`item-${item.number}`}
              options={options}
              value={answers[item.number] ?? ''}
              onChange={(code) => setAnswers((a) => ({ ...a, [item.number]: code }))}
            />
          </li>
        ))}
      </ol>
      <p role="status">
        {t('measurements.summary.count', {
          count: answeredCount(instrument, answers),
          total: instrument.items.length,
        })}{' '}
        {t('measurements.paper.emptyIsSkipped')}
      </p>
      <div className="actions">
        <SubmitButton isPending={state.pending}>{t('measurements.paper.save')}</SubmitButton>
      </div>
    </ApiForm>
  );
}

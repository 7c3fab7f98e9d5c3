import { useState } from 'react';
import { api } from '../../../api.ts';
import { Field } from '../../../components/fields.tsx';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../../components/forms.tsx';
import { Loaded } from '../../../components/Status.tsx';
import { useResource } from '../../../components/useResource.ts';
import { formatDate } from '../../../format.ts';
import { useT } from '../../../i18n.ts';
import { RadioField, TextAreaField } from '../../signals/fields.tsx';
import { brusselsDay } from '../answers.ts';
import type { Answer, ClientQuestionnaires, Fillable, FillableItem, Response } from './types.ts';
import '../../signals/signals.css';
import './questionnaires.css';

/**
 * The organisation's own questionnaires on a person's measurements page: kept
 * visibly apart from the validated instruments, answers in words, never a score.
 */
export function ClientQuestionnairesSection({ clientId, canFill }: { clientId: string; canFill: boolean }) {
  const t = useT();
  const data = useResource<ClientQuestionnaires>(`/api/clients/${clientId}/questionnaires`);
  return (
    <section className="card qn-section" aria-labelledby="questionnaires-title">
      <h2 id="questionnaires-title">{t('questionnaires.client.title')}</h2>
      <p className="qn-notice">{t('questionnaires.client.notice')}</p>
      <Loaded resource={data}>
        {(d) => (
          <>
            {d.responses.length === 0 ? (
              <p className="empty">{t('questionnaires.client.empty')}</p>
            ) : (
              <ul className="mq-list">
                {d.responses.map((r) => (
                  <ResponseItem key={r.id} response={r} />
                ))}
              </ul>
            )}
            {canFill
              ? d.available.map((q) => (
                  <FillForm
                    key={`${q.id}-${q.version}`}
                    clientId={clientId}
                    questionnaire={q}
                    onSaved={data.reload}
                  />
                ))
              : null}
            {canFill && d.available.length === 0 ? (
              <p className="muted">{t('questionnaires.client.noneAvailable')}</p>
            ) : null}
          </>
        )}
      </Loaded>
    </section>
  );
}

function ResponseItem({ response: r }: { response: Response }) {
  const t = useT();
  return (
    <li className="mq-list-item">
      <h3 className="mq-item-title">{formatDate(r.answeredOn)}</h3>
      <p className="mq-item-instrument">
        {r.title} <span className="muted">{t('questionnaires.client.version', { version: r.version })}</span>
      </p>
      <p className="muted">{r.recordedBy ? r.recordedBy.name : ''}</p>
      <dl className="qn-answers">
        {r.answers.map((a) => (
          <div key={a.code} className="qn-answer">
            <dt>{a.question}</dt>
            <dd>{a.answer ?? <span className="muted">{t('questionnaires.client.open')}</span>}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

function FillForm({
  clientId,
  questionnaire: q,
  onSaved,
}: {
  clientId: string;
  questionnaire: Fillable;
  onSaved: () => void;
}) {
  const t = useT();
  const form = useApiForm();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const set = (code: string, value: Answer) => setAnswers((a) => ({ ...a, [code]: value }));
  return (
    <>
      <SuccessMessage message={done} />
      <details className="clients-more" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('questionnaires.client.fill', { title: q.title })}</summary>
        {open ? (
          <ApiForm
            form={form}
            onSubmit={(values, element) => {
              setDone(null);
              void form.run(async () => {
                await api.post(`/api/clients/${clientId}/questionnaire-responses`, {
                  questionnaireId: q.id,
                  version: q.version,
                  answeredOn: values.answeredOn,
                  answers: Object.fromEntries(
                    q.items.map((item) => [item.code, answers[item.code] ?? null] as const),
                  ),
                });
                element.reset();
                setAnswers({});
                setDone(t('questionnaires.client.saved', { title: q.title }));
                setOpen(false);
                onSaved();
              });
            }}
          >
            {q.intro ? <p className="mq-introduction">{q.intro}</p> : null}
            <Field
              name="answeredOn"
              type="date"
              label={t('questionnaires.client.answeredOn')}
              defaultValue={brusselsDay(new Date())}
              isRequired
              inputClassName="clients-date"
            />
            {q.items.map((item, i) => (
              <ItemField
                key={item.code}
                item={item}
                number={i + 1}
                value={answers[item.code] ?? null}
                onChange={(v) => set(item.code, v)}
              />
            ))}
            <div className="actions">
              <SubmitButton isPending={form.pending}>{t('questionnaires.client.save')}</SubmitButton>
            </div>
          </ApiForm>
        ) : null}
      </details>
    </>
  );
}

function ItemField({
  item,
  number,
  value,
  onChange,
}: {
  item: FillableItem;
  number: number;
  value: Answer;
  onChange: (value: Answer) => void;
}) {
  const t = useT();
  const name = `answers.${item.code}`;
  const label = `${number}. ${item.text}`;
  const hint = item.required ? undefined : t('questionnaires.client.optional');
  const scale = item.scale;
  switch (scale.type) {
    case 'choice':
      return (
        <RadioField
          label={label}
          name={name}
          description={hint}
          options={scale.options.map((o) => ({ id: o.code, label: o.label }))}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
        />
      );
    case 'yes_no':
      return (
        <RadioField
          label={label}
          name={name}
          description={hint}
          options={[
            { id: 'yes', label: t('questionnaires.client.yes') },
            { id: 'no', label: t('questionnaires.client.no') },
          ]}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(v) => onChange(v === 'yes')}
        />
      );
    case 'number':
      return (
        <Field
          name={name}
          type="number"
          label={label}
          description={[t('questionnaires.client.range', { min: scale.min, max: scale.max }), hint]
            .filter(Boolean)
            .join(' ')}
          inputClassName="qn-number"
          onChange={(v) => onChange(v.trim() === '' ? null : Number.isFinite(Number(v)) ? Number(v) : v)}
        />
      );
    case 'text':
      return (
        <TextAreaField
          rows={3}
          inputClassName="qn-textarea"
          label={label}
          name={name}
          value={typeof value === 'string' ? value : ''}
          description={[t('questionnaires.client.maxLength', { max: scale.maxLength }), hint]
            .filter(Boolean)
            .join(' ')}
          maxLength={scale.maxLength}
          onChange={(v) => onChange(v)}
        />
      );
  }
}

import { type ReactNode, useState } from 'react';
import { Button } from 'react-aria-components';
import { ApiForm, SubmitButton, useApiForm } from '../../../components/forms.tsx';
import { useT } from '../../../i18n.ts';
import { type Draft, type DraftItem, definitionFrom, newItem } from './draft.ts';
import { ItemEditor } from './ItemEditor.tsx';
import { ListError, LocalizedFields } from './LocalizedFields.tsx';
import type { Definition } from './types.ts';
import '../../signals/signals.css';
import './questionnaires.css';

/** The builder: title, introduction and the questions with their answer scales. */
export function QuestionnaireForm({
  initial,
  submitLabel,
  onSave,
  before,
}: {
  initial: Draft;
  submitLabel: string;
  onSave: (definition: Definition) => Promise<void>;
  /** Fields above the title (the organisation, for a new questionnaire). */
  before?: ReactNode;
}) {
  const t = useT();
  const form = useApiForm();
  const [draft, setDraft] = useState<Draft>(initial);
  const setItems = (items: DraftItem[]) => setDraft((d) => ({ ...d, items }));
  const move = (from: number, to: number) => {
    const items = [...draft.items];
    const [moved] = items.splice(from, 1);
    if (moved) items.splice(to, 0, moved);
    setItems(items);
  };
  return (
    <ApiForm
      form={form}
      className="form qn-form"
      onSubmit={() => {
        void form.run(() => onSave(definitionFrom(draft)));
      }}
    >
      {before}
      <LocalizedFields
        name="title"
        label={t('questionnaires.builder.title')}
        value={draft.title}
        onChange={(title) => setDraft((d) => ({ ...d, title }))}
      />
      <LocalizedFields
        name="intro"
        label={t('questionnaires.builder.intro')}
        description={t('questionnaires.builder.introHint')}
        value={draft.intro}
        onChange={(intro) => setDraft((d) => ({ ...d, intro }))}
        multiline
        optional
      />
      <h2 className="qn-subtitle">{t('questionnaires.builder.questions')}</h2>
      <ListError name="items" />
      {draft.items.map((item, i) => (
        <ItemEditor
          key={item.key}
          item={item}
          index={i}
          count={draft.items.length}
          onChange={(next) => setItems(draft.items.map((x, j) => (j === i ? next : x)))}
          onMove={(by) => move(i, i + by)}
          onRemove={() => setItems(draft.items.filter((_, j) => j !== i))}
        />
      ))}
      <div className="actions">
        <Button
          className="button button-secondary"
          onPress={() => setItems([...draft.items, newItem(draft.items)])}
        >
          {t('questionnaires.builder.addQuestion')}
        </Button>
      </div>
      <p className="qn-notice">{t('questionnaires.builder.neverScored')}</p>
      <div className="actions">
        <SubmitButton isPending={form.pending}>{submitLabel}</SubmitButton>
      </div>
    </ApiForm>
  );
}

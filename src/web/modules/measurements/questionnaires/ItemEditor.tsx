import { Button } from 'react-aria-components';
import { Field, SwitchField } from '../../../components/fields.tsx';
import { useT } from '../../../i18n.ts';
import { RadioField } from '../../signals/fields.tsx';
import { codeFrom, type DraftItem, type DraftOption, newOption } from './draft.ts';
import { ListError, LocalizedFields } from './LocalizedFields.tsx';
import { SCALE_TYPES, type ScaleType } from './types.ts';

/** One question of the builder: its text, its code for the export and its answer scale. */
export function ItemEditor({
  item,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  item: DraftItem;
  index: number;
  count: number;
  onChange: (item: DraftItem) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const name = `items.${index}`;
  const set = (patch: Partial<DraftItem>) => onChange({ ...item, ...patch });
  const setOption = (o: number, option: DraftOption) =>
    set({ options: item.options.map((x, i) => (i === o ? option : x)) });
  const number = index + 1;
  return (
    <fieldset className="qn-item">
      <legend className="qn-item-legend">{t('questionnaires.builder.question', { number })}</legend>
      <LocalizedFields
        name={`${name}.text`}
        label={t('questionnaires.builder.questionText')}
        value={item.text}
        onChange={(text) => set({ text })}
        multiline
      />
      <div className="qn-row">
        <Field
          name={`${name}.code`}
          label={t('questionnaires.builder.code')}
          description={t('questionnaires.builder.codeHint')}
          value={item.code}
          onChange={(code) => set({ code })}
          isRequired
          inputClassName="qn-code"
        />
      </div>
      <SwitchField isSelected={item.required} onChange={(required) => set({ required })}>
        {t('questionnaires.builder.required')}
      </SwitchField>
      <RadioField
        label={t('questionnaires.builder.scale')}
        name={`${name}.scale.type`}
        options={SCALE_TYPES.map((s) => ({ id: s, label: t(`questionnaires.scales.${s}`) }))}
        value={item.type}
        onChange={(type) => set({ type: type as ScaleType })}
      />
      {item.type === 'choice' ? (
        <div className="qn-options">
          <p className="field-label">{t('questionnaires.builder.options')}</p>
          <ListError name={`${name}.scale.options`} />
          <ol className="qn-option-list">
            {item.options.map((option, o) => (
              <li key={option.key} className="qn-option">
                <LocalizedFields
                  name={`${name}.scale.options.${o}.label`}
                  label={t('questionnaires.builder.optionLabel', { number: o + 1 })}
                  value={option.label}
                  onChange={(label) =>
                    setOption(o, {
                      ...option,
                      label,
                      code: option.codeTouched ? option.code : codeFrom(label['nl-BE']),
                    })
                  }
                />
                <Field
                  name={`${name}.scale.options.${o}.code`}
                  label={t('questionnaires.builder.optionCode', { number: o + 1 })}
                  value={option.code}
                  onChange={(code) => setOption(o, { ...option, code, codeTouched: true })}
                  isRequired
                  inputClassName="qn-code"
                />
                {item.options.length > 2 ? (
                  <Button
                    className="button button-link"
                    onPress={() => set({ options: item.options.filter((_, i) => i !== o) })}
                  >
                    {t('questionnaires.builder.removeOption', { number: o + 1 })}
                  </Button>
                ) : null}
              </li>
            ))}
          </ol>
          <Button
            className="button button-secondary"
            onPress={() => set({ options: [...item.options, newOption()] })}
          >
            {t('questionnaires.builder.addOption')}
          </Button>
        </div>
      ) : null}
      {item.type === 'number' ? (
        <div className="qn-row">
          <Field
            name={`${name}.scale.min`}
            type="number"
            label={t('questionnaires.builder.min')}
            value={item.min}
            onChange={(min) => set({ min })}
            isRequired
            inputClassName="qn-number"
          />
          <Field
            name={`${name}.scale.max`}
            type="number"
            label={t('questionnaires.builder.max')}
            value={item.max}
            onChange={(max) => set({ max })}
            isRequired
            inputClassName="qn-number"
          />
        </div>
      ) : null}
      {item.type === 'text' ? (
        <Field
          name={`${name}.scale.maxLength`}
          type="number"
          label={t('questionnaires.builder.maxLength')}
          description={t('questionnaires.builder.maxLengthHint')}
          value={item.maxLength}
          onChange={(maxLength) => set({ maxLength })}
          isRequired
          inputClassName="qn-number"
        />
      ) : null}
      <div className="actions qn-item-actions">
        {index > 0 ? (
          <Button className="button button-secondary" onPress={() => onMove(-1)}>
            {t('questionnaires.builder.moveUp', { number })}
          </Button>
        ) : null}
        {index < count - 1 ? (
          <Button className="button button-secondary" onPress={() => onMove(1)}>
            {t('questionnaires.builder.moveDown', { number })}
          </Button>
        ) : null}
        {count > 1 ? (
          <Button className="button button-link" onPress={onRemove}>
            {t('questionnaires.builder.remove', { number })}
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}

import { type FormEvent, useId, useRef, useState } from 'react';
import { Button, FieldError, Form, Heading, Input, Label, TextField } from 'react-aria-components';
import { STRENGTH_CATEGORIES, type StrengthCategory } from '../../../contracts/networks.ts';
import { useT } from '../../i18n.ts';
import { RadioChoice } from './choiceFields.tsx';

/** A card in the person's own words, when none of the set fits. */
export function OwnCardForm({
  onAdd,
}: {
  onAdd: (input: { category: StrengthCategory; label: string }) => boolean;
}) {
  const t = useT();
  const k = 'networks.strengths';
  const titleId = useId();
  const [category, setCategory] = useState<StrengthCategory>('interest');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!label.trim()) {
      setError(t(`${k}.own.required`));
      inputRef.current?.focus();
      return;
    }
    if (onAdd({ category, label })) {
      setLabel('');
      setError(null);
    }
    inputRef.current?.focus();
  }

  return (
    <section className="eco-panel strength-own" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {t(`${k}.own.title`)}
      </Heading>
      <p>{t(`${k}.own.intro`)}</p>
      <Form onSubmit={submit} validationBehavior="aria">
        <RadioChoice
          label={t(`${k}.own.category`)}
          options={STRENGTH_CATEGORIES.map((c) => ({ id: c, label: t(`${k}.category.${c}`) }))}
          value={category}
          onChange={setCategory}
        />
        <TextField
          value={label}
          onChange={(v) => {
            setLabel(v);
            if (v.trim()) setError(null);
          }}
          isRequired
          isInvalid={Boolean(error)}
          maxLength={80}
          className="field"
        >
          <Label className="field-label">{t(`${k}.own.label`)}</Label>
          <Input ref={inputRef} className="input" autoComplete="off" />
          <FieldError className="field-error">{error}</FieldError>
        </TextField>
        <Button type="submit" className="button button-primary">
          {t(`${k}.own.submit`)}
        </Button>
      </Form>
    </section>
  );
}

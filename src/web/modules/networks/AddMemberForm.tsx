import { type FormEvent, useId, useRef, useState } from 'react';
import { Button, FieldError, Form, Heading, Input, Label, Text, TextField } from 'react-aria-components';
import { RINGS, type Ring, SECTORS, type Sector } from '../../../contracts/networks.ts';
import { CheckboxField } from '../../components/fields.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useT } from '../../i18n.ts';
import { RadioChoice } from './choiceFields.tsx';
import type { NewMember } from './ecogramEditing.ts';

/**
 * Adding someone without the drawing: the keyboard's and the screen reader's way in, and the
 * quickest one at a desk. Sector and ring stay as they were after adding, because people are
 * often named group by group ("and then her two sons…").
 */
export function AddMemberForm({
  clientLabel,
  onAdd,
}: {
  clientLabel: string;
  onAdd: (input: NewMember) => boolean;
}) {
  const t = useT();
  const k = 'networks.ecogram.add';
  const [label, setLabel] = useState('');
  const [relation, setRelation] = useState('');
  const [sector, setSector] = useState<Sector>('family');
  const [ring, setRing] = useState<Ring>(1);
  const [formal, setFormal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const titleId = useId();

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!label.trim()) {
      setError(t(`${k}.nameRequired`));
      nameRef.current?.focus();
      return;
    }
    if (onAdd({ label, relation, sector, ring, formal })) {
      setLabel('');
      setRelation('');
      setError(null);
      nameRef.current?.focus();
    }
  }

  return (
    <section className="eco-panel eco-add" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {t(`${k}.title`)}
      </Heading>
      <Form onSubmit={submit} validationBehavior="aria" className="eco-add-form">
        <TextField
          value={label}
          onChange={(v) => {
            setLabel(v);
            if (v.trim()) setError(null);
          }}
          isRequired
          isInvalid={Boolean(error)}
          maxLength={100}
          className="field"
        >
          <Label className="field-label">{t(`${k}.name`)}</Label>
          <Text slot="description" className="field-description">
            {t(`${k}.nameHint`)}
          </Text>
          <Input ref={nameRef} className="input" autoComplete="off" />
          <FieldError className="field-error">{error}</FieldError>
        </TextField>
        <TextField value={relation} onChange={setRelation} maxLength={100} className="field">
          <Label className="field-label">
            {t(`${k}.relation`, { client: clientLabel })}{' '}
            <span className="field-optional">{t('form.optional')}</span>
          </Label>
          <Text slot="description" className="field-description">
            {t(`${k}.relationHint`)}
          </Text>
          <Input className="input" autoComplete="off" />
        </TextField>
        <SelectField
          label={t(`${k}.sector`)}
          options={SECTORS.map((s) => ({ id: s, label: t(`networks.ecogram.sector.${s}`) }))}
          value={sector}
          onChange={(s) => setSector(s as Sector)}
        />
        <RadioChoice<`${Ring}`>
          label={t(`${k}.ring`)}
          options={RINGS.map((r) => ({ id: `${r}` as const, label: t(`networks.ecogram.ringChoice.${r}`) }))}
          value={`${ring}`}
          onChange={(r) => setRing(Number(r) as Ring)}
        />
        <div className="field">
          <CheckboxField isSelected={formal} onChange={setFormal}>
            {t(`${k}.formal`)}
          </CheckboxField>
        </div>
        <Button type="submit" className="button button-primary">
          {t(`${k}.submit`)}
        </Button>
      </Form>
    </section>
  );
}

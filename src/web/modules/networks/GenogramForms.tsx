import { type ReactNode, useState } from 'react';
import {
  EMOTIONAL_BONDS,
  type GenogramPerson,
  PARENTAGE_KINDS,
  PARTNERSHIP_STATUSES,
} from '../../../contracts/networks.ts';
import { CheckboxField, Field } from '../../components/fields.tsx';
import { ApiForm } from '../../components/forms.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useT } from '../../i18n.ts';
import type { BondInput, ChildInput, Genogram, PartnershipInput, PersonInput } from './genogramEditing.ts';
import { checked, FormActions, personOptions, SexField, useGenogramForm } from './genogramFormParts.tsx';
import { ChoiceField, parseYear, YearField } from './networkFields.tsx';
import { PersonPairForm } from './PersonPairForm.tsx';

/*
 * The forms beside the genogram drawing. Each checks its own fields and reports per field,
 * as the server would; the structural rules (cycles, one index person) are checked on the
 * whole map and shown on the person.
 */

/** Name, sex, years, household and index person: adding a person or editing one. */
export function PersonForm({
  initial,
  submitLabel,
  onSubmit,
  children,
}: {
  initial?: GenogramPerson;
  submitLabel: string;
  onSubmit: (input: PersonInput) => void;
  children?: ReactNode;
}) {
  const t = useT();
  const { form, messages, rejects } = useGenogramForm();
  return (
    <ApiForm
      form={form}
      className="form networks-form"
      onSubmit={(values, element) => {
        const fields: Record<string, string> = {};
        const label = (values.label ?? '').trim();
        if (!label) fields.label = messages.name;
        const birth = parseYear(values.birthYear);
        const death = parseYear(values.deathYear);
        if (birth.error) fields.birthYear = messages.year;
        if (death.error) fields.deathYear = messages.year;
        if (birth.year !== undefined && death.year !== undefined && death.year < birth.year)
          fields.deathYear = messages.deathBeforeBirth;
        if (rejects(fields)) return;
        onSubmit({
          label,
          sex: (values.sex as PersonInput['sex']) ?? 'unknown',
          birthYear: birth.year,
          deathYear: death.year,
          deceased: checked(values, 'deceased'),
          inHousehold: checked(values, 'inHousehold'),
          index: checked(values, 'index'),
        });
        if (!initial) element.reset();
      }}
    >
      <Field
        label={t('networks.genogram.form.name')}
        name="label"
        defaultValue={initial?.label ?? ''}
        maxLength={100}
      />
      <SexField defaultValue={initial?.sex ?? 'female'} />
      <div className="networks-form-row">
        <YearField
          label={t('networks.genogram.form.birthYear')}
          name="birthYear"
          defaultValue={initial?.birthYear}
        />
        <YearField
          label={t('networks.genogram.form.deathYear')}
          name="deathYear"
          defaultValue={initial?.deathYear}
        />
      </div>
      <div className="networks-checks">
        <CheckboxField name="deceased" defaultSelected={initial?.deceased ?? false}>
          {t('networks.genogram.form.deceased')}
        </CheckboxField>
        <CheckboxField name="inHousehold" defaultSelected={initial?.inHousehold ?? false}>
          {t('networks.genogram.form.inHousehold')}
        </CheckboxField>
        <CheckboxField name="index" defaultSelected={initial?.index ?? false}>
          {t('networks.genogram.form.index')}
        </CheckboxField>
      </div>
      <FormActions submitLabel={submitLabel}>{children}</FormActions>
    </ApiForm>
  );
}

/** Two people and how they are (or were) together. */
export function PartnershipForm({
  genogram,
  onSubmit,
}: {
  genogram: Genogram;
  onSubmit: (input: PartnershipInput) => void;
}) {
  const t = useT();
  return (
    <PersonPairForm
      genogram={genogram}
      labelA={t('networks.genogram.form.partnerA')}
      labelB={t('networks.genogram.form.partnerB')}
      submitLabel={t('networks.genogram.add.partnership')}
      readRest={(values, fields, messages) => {
        const since = parseYear(values.since);
        if (since.error) fields.since = messages.year;
        return { status: values.status as PartnershipInput['status'], since: since.year };
      }}
      onSubmit={onSubmit}
    >
      <ChoiceField
        label={t('networks.genogram.form.status')}
        name="status"
        defaultValue="married"
        options={PARTNERSHIP_STATUSES.map((s) => ({ id: s, label: t(`networks.genogram.partnership.${s}`) }))}
      />
      <YearField label={t('networks.genogram.form.since')} name="since" />
    </PersonPairForm>
  );
}

const NEW_PERSON = '__new';

/**
 * A child under a couple or a single parent: someone already in the drawing, or a new person
 * named here (the usual case when the family is being drawn from the top).
 */
export function ChildForm({
  genogram,
  onSubmit,
}: {
  genogram: Genogram;
  onSubmit: (input: Omit<ChildInput, 'child'> & { child: string | PersonInput }) => void;
}) {
  const t = useT();
  const { form, messages, rejects } = useGenogramForm();
  const [parents, setParents] = useState<string | null>(null);
  const [child, setChild] = useState<string | null>(NEW_PERSON);
  const name = (id: string) => genogram.people.find((p) => p.id === id)?.label ?? id;
  const parentOptions = [
    ...genogram.partnerships.map((p) => ({
      id: `${p.a} ${p.b}`,
      label: t('networks.genogram.form.couple', { a: name(p.a), b: name(p.b) }),
    })),
    ...genogram.people.map((p) => ({
      id: p.id,
      label: t('networks.genogram.form.single', { name: p.label }),
    })),
  ];
  const childOptions = [
    { id: NEW_PERSON, label: t('networks.genogram.form.newPerson') },
    ...personOptions(genogram),
  ];
  return (
    <ApiForm
      form={form}
      className="form networks-form"
      onSubmit={(values, element) => {
        const fields: Record<string, string> = {};
        if (!parents) fields.parents = messages.pick;
        let newPerson: PersonInput | null = null;
        if (child === NEW_PERSON) {
          const label = (values.label ?? '').trim();
          if (!label) fields.label = messages.name;
          const birth = parseYear(values.birthYear);
          if (birth.error) fields.birthYear = messages.year;
          newPerson = {
            label,
            sex: (values.sex as PersonInput['sex']) ?? 'unknown',
            birthYear: birth.year,
            deceased: false,
            inHousehold: checked(values, 'inHousehold'),
            index: false,
          };
        } else if (!child) fields.child = messages.pick;
        else if (parents?.split(' ').includes(child)) fields.child = messages.samePerson;
        if (rejects(fields) || !parents) return;
        onSubmit({
          parents: parents.split(' '),
          kind: values.kind as ChildInput['kind'],
          child: newPerson ?? (child as string),
        });
        element.reset();
      }}
    >
      <SelectField
        label={t('networks.genogram.form.parents')}
        name="parents"
        options={parentOptions}
        value={parents}
        onChange={setParents}
      />
      <SelectField
        label={t('networks.genogram.form.child')}
        name="child"
        options={childOptions}
        value={child}
        onChange={setChild}
      />
      {child === NEW_PERSON ? (
        <>
          <Field label={t('networks.genogram.form.childName')} name="label" maxLength={100} />
          <SexField defaultValue="female" />
          <YearField label={t('networks.genogram.form.birthYear')} name="birthYear" />
          <div className="networks-checks">
            <CheckboxField name="inHousehold">{t('networks.genogram.form.inHousehold')}</CheckboxField>
          </div>
        </>
      ) : null}
      <ChoiceField
        label={t('networks.genogram.form.kind')}
        name="kind"
        defaultValue="birth"
        options={PARENTAGE_KINDS.map((k) => ({ id: k, label: t(`networks.genogram.parentage.${k}`) }))}
      />
      <FormActions submitLabel={t('networks.genogram.add.child')} />
    </ApiForm>
  );
}

/** How two people feel about each other: close, distant, in conflict or cut off. */
export function BondForm({
  genogram,
  onSubmit,
}: {
  genogram: Genogram;
  onSubmit: (input: BondInput) => void;
}) {
  const t = useT();
  return (
    <PersonPairForm
      genogram={genogram}
      labelA={t('networks.genogram.form.bondA')}
      labelB={t('networks.genogram.form.bondB')}
      submitLabel={t('networks.genogram.add.bond')}
      readRest={(values) => ({ kind: values.kind as BondInput['kind'] })}
      onSubmit={onSubmit}
    >
      <ChoiceField
        label={t('networks.genogram.form.bondKind')}
        name="kind"
        defaultValue="close"
        options={EMOTIONAL_BONDS.map((k) => ({ id: k, label: t(`networks.genogram.bond.${k}`) }))}
      />
    </PersonPairForm>
  );
}

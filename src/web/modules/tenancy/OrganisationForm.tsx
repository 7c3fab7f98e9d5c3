import { type ReactNode, useId, useState } from 'react';
import { CheckboxField, Field, SwitchField } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { MultiSelectField, SelectField } from '../../components/selects.tsx';
import { compareNames, municipalityName } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { MunicipalityView, OrganisationKind, OrganisationView, RegionView } from '../../types.ts';
import { kindOptions } from './labels.ts';

export interface OrganisationFormValues {
  name: string;
  kind: OrganisationKind;
  regionId: string;
  municipalityIds: string[];
  requireSecondFactor: boolean;
  active: boolean;
}

interface OrganisationFormProps {
  /** Editing this organisation; creating a new one when left out. */
  organisation?: OrganisationView;
  regions: RegionView[];
  municipalities: MunicipalityView[];
  submitLabel: string;
  /** Saves; the answer is the success message. */
  onSubmit: (values: OrganisationFormValues) => Promise<ReactNode>;
}

/** "Second factor required for admins and coordinators", with what it means. */
export function RequireSecondFactorField({
  isSelected,
  onChange,
}: {
  isSelected: boolean;
  onChange: (value: boolean) => void;
}) {
  const t = useT();
  const hint = useId();
  return (
    <>
      <CheckboxField isSelected={isSelected} onChange={onChange} aria-describedby={hint}>
        {t('organisations.requireSecondFactor')}
      </CheckboxField>
      <p className="field-description" id={hint}>
        {t('organisations.requireSecondFactorHint')}
      </p>
    </>
  );
}

/** Name, kind, region, municipalities served, second factor; also "active" when editing. */
export function OrganisationForm({
  organisation,
  regions,
  municipalities,
  submitLabel,
  onSubmit,
}: OrganisationFormProps) {
  const t = useT();
  const form = useApiForm();
  const [kind, setKind] = useState<OrganisationKind>(organisation?.kind ?? 'association');
  const [regionId, setRegionId] = useState<string | null>(organisation?.regionId ?? regions[0]?.id ?? null);
  const [municipalityIds, setMunicipalityIds] = useState<string[]>(organisation?.municipalityIds ?? []);
  const [requireSecondFactor, setRequireSecondFactor] = useState(organisation?.requireSecondFactor ?? false);
  const [active, setActive] = useState(organisation?.active ?? true);
  const [saved, setSaved] = useState<ReactNode>(null);
  const inRegion = municipalities
    .filter((m) => m.regionId === regionId)
    .map((m) => ({ id: m.id, label: municipalityName(m) }))
    .sort((a, b) => compareNames(a.label, b.label));

  return (
    <ApiForm
      className="form"
      form={form}
      onSubmit={(values, formElement) => {
        const { name = '' } = values;
        setSaved(null);
        void form.run(async () => {
          const message = await onSubmit({
            name,
            kind,
            regionId: regionId ?? '',
            municipalityIds,
            requireSecondFactor,
            active,
          });
          if (!organisation) {
            formElement.reset();
            setMunicipalityIds([]);
          }
          setSaved(message);
        });
      }}
    >
      <SuccessMessage message={saved} />
      <Field name="name" label={t('organisations.name')} defaultValue={organisation?.name} isRequired />
      <div className="form-row">
        <SelectField
          name="kind"
          label={t('organisations.kind')}
          options={kindOptions(t)}
          value={kind}
          onChange={(value) => setKind(value as OrganisationKind)}
        />
        <SelectField
          name="regionId"
          label={t('organisations.region')}
          description={organisation ? t('organisations.regionFixed') : undefined}
          options={regions.map((r) => ({ id: r.id, label: r.name }))}
          value={regionId}
          isDisabled={Boolean(organisation)}
          placeholder={t('form.choose')}
          onChange={(value) => {
            setRegionId(value);
            setMunicipalityIds([]);
          }}
        />
      </div>
      <MultiSelectField
        name="municipalityIds"
        label={t('organisations.municipalities')}
        description={
          inRegion.length === 0 ? t('organisations.noMunicipalities') : t('organisations.municipalitiesHint')
        }
        options={inRegion}
        value={municipalityIds}
        onChange={setMunicipalityIds}
        placeholder={t('form.choose')}
        isDisabled={inRegion.length === 0}
      />
      <RequireSecondFactorField isSelected={requireSecondFactor} onChange={setRequireSecondFactor} />
      {organisation ? (
        <SwitchField isSelected={active} onChange={setActive}>
          {t('organisations.active')}
        </SwitchField>
      ) : null}
      <div className="actions">
        <SubmitButton isPending={form.pending}>{submitLabel}</SubmitButton>
      </div>
    </ApiForm>
  );
}

import { useState } from 'react';
import { Field } from '../../components/fields.tsx';
import { MultiSelectField, SelectField } from '../../components/selects.tsx';
import { useT } from '../../i18n.ts';
import { RadioField } from '../signals/fields.tsx';
import { MunicipalityField } from '../signals/MunicipalityField.tsx';
import { optional } from './formErrors.ts';
import {
  AGE_BANDS,
  type AgeBand,
  CLIENT_LANGUAGES,
  type ClientDetail,
  HOUSEHOLDS,
  type Household,
} from './types.ts';

/** The record's fields as the create and update contracts share them. */
export interface RecordFields {
  givenName: string;
  familyName?: string;
  phone?: string;
  email?: string;
  street?: string;
  postcode?: string;
  municipalityNis?: string;
  birthDate?: string;
  ageBand?: AgeBand;
  household?: Household;
  languages?: string[];
}

/** What the fields keep in React state (choices without a native input of their own). */
export function useRecordChoices(initial?: ClientDetail) {
  const [place, setPlace] = useState(initial && !initial.postcode ? 'municipality' : 'postcode');
  const [municipality, setMunicipality] = useState<string | null>(initial?.municipalityNis ?? null);
  const [age, setAge] = useState(
    initial?.ageBand ? 'ageBand' : initial && !initial.birthDate ? 'unknown' : 'birthDate',
  );
  const [ageBand, setAgeBand] = useState<string | null>(initial?.ageBand ?? null);
  const [household, setHousehold] = useState<string | null>(initial?.household ?? null);
  const [languages, setLanguages] = useState<string[]>(initial?.languages ?? []);
  const choices = { place, municipality, age, ageBand, household, languages };
  const set = { setPlace, setMunicipality, setAge, setAgeBand, setHousehold, setLanguages };
  /** The submitted form as the API's fields; what is left empty stays out. */
  const toFields = (values: Record<string, string>): RecordFields => ({
    givenName: values.givenName?.trim() ?? '',
    familyName: optional(values, 'familyName'),
    phone: optional(values, 'phone'),
    email: optional(values, 'email'),
    street: optional(values, 'street'),
    ...(place === 'postcode'
      ? { postcode: optional(values, 'postcode') }
      : { municipalityNis: municipality ?? undefined }),
    ...(age === 'birthDate' ? { birthDate: optional(values, 'birthDate') } : {}),
    ...(age === 'ageBand' && ageBand ? { ageBand: ageBand as AgeBand } : {}),
    household: (household ?? undefined) as Household | undefined,
    languages: languages.length > 0 ? languages : undefined,
  });
  return { choices, set, toFields, initial };
}

export type RecordChoices = ReturnType<typeof useRecordChoices>;

/** Who the person is, where they live, their age, household and languages. */
export function ClientFields({ state }: { state: RecordChoices }) {
  const t = useT();
  const { choices, set, initial } = state;
  return (
    <>
      <fieldset className="clients-fieldset">
        <legend>{t('clients.form.whoLegend')}</legend>
        <div className="form-row">
          <Field
            name="givenName"
            defaultValue={initial?.givenName ?? undefined}
            label={t('clients.form.givenName')}
            autoComplete="off"
            isRequired
          />
          <Field
            name="familyName"
            defaultValue={initial?.familyName ?? undefined}
            label={t('clients.form.familyName')}
            autoComplete="off"
            optional
          />
        </div>
        <div className="form-row">
          <Field
            name="phone"
            defaultValue={initial?.phone ?? undefined}
            type="tel"
            label={t('clients.form.phone')}
            autoComplete="off"
            optional
          />
          <Field
            name="email"
            defaultValue={initial?.email ?? undefined}
            type="email"
            label={t('clients.form.email')}
            autoComplete="off"
            optional
          />
        </div>
      </fieldset>

      <fieldset className="clients-fieldset">
        <legend>{t('clients.form.whereLegend')}</legend>
        <Field
          name="street"
          defaultValue={initial?.street ?? undefined}
          label={t('clients.form.street')}
          autoComplete="off"
          optional
        />
        <RadioField
          name="place"
          label={t('clients.form.placeLegend')}
          value={choices.place}
          onChange={set.setPlace}
          options={[
            { id: 'postcode', label: t('clients.form.placePostcode') },
            { id: 'municipality', label: t('clients.form.placeMunicipality') },
          ]}
        />
        {choices.place === 'postcode' ? (
          <Field
            name="postcode"
            defaultValue={initial?.postcode ?? undefined}
            label={t('clients.form.postcode')}
            description={t('clients.form.postcodeHint')}
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            isRequired
            inputClassName="clients-postcode"
          />
        ) : (
          <>
            {initial?.municipalityName && !initial.postcode ? (
              <p className="field-description">
                {t('clients.form.municipalityNow', { municipality: initial.municipalityName })}
              </p>
            ) : null}
            <MunicipalityField value={choices.municipality} onChange={set.setMunicipality} />
          </>
        )}
      </fieldset>

      <fieldset className="clients-fieldset">
        <legend>{t('clients.form.ageLegend')}</legend>
        <RadioField
          name="age"
          label={t('clients.form.ageChoice')}
          value={choices.age}
          onChange={set.setAge}
          options={[
            { id: 'birthDate', label: t('clients.form.ageBirthDate') },
            { id: 'ageBand', label: t('clients.form.ageBand') },
            { id: 'unknown', label: t('clients.form.ageUnknown') },
          ]}
        />
        {choices.age === 'birthDate' ? (
          <Field
            name="birthDate"
            defaultValue={initial?.birthDate ?? undefined}
            type="date"
            label={t('clients.form.birthDate')}
            isRequired
            inputClassName="clients-date"
          />
        ) : null}
        {choices.age === 'ageBand' ? (
          <SelectField
            name="ageBand"
            label={t('clients.form.ageBandLabel')}
            options={AGE_BANDS.map((b) => ({ id: b, label: t(`clients.ageBands.${b}`) }))}
            value={choices.ageBand}
            onChange={set.setAgeBand}
            isRequired
          />
        ) : null}
      </fieldset>

      <fieldset className="clients-fieldset">
        <legend>{t('clients.form.homeLegend')}</legend>
        <SelectField
          name="household"
          label={t('clients.form.household')}
          options={HOUSEHOLDS.map((h) => ({ id: h, label: t(`clients.households.${h}`) }))}
          value={choices.household}
          onChange={set.setHousehold}
          placeholder={t('form.choose')}
        />
        <MultiSelectField
          name="languages"
          label={t('clients.form.languages')}
          description={t('clients.form.languagesHint')}
          options={CLIENT_LANGUAGES.map((l) => ({ id: l, label: t(`clients.languages.${l}`) }))}
          value={choices.languages}
          onChange={set.setLanguages}
          placeholder={t('form.choose')}
        />
      </fieldset>
    </>
  );
}

import { useState } from 'react';
import { Link } from 'wouter';
import type { CreateSignalBody } from '../../../contracts/signals.ts';
import { SIGNAL_SIGNS, SIGNAL_URGENCIES } from '../../../modules/signals/signals.models.ts';
import { api } from '../../api.ts';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { CheckboxesField, RadioField, RequiredCheckbox, TextAreaField } from './fields.tsx';
import { MunicipalityField } from './MunicipalityField.tsx';
import './signals.css';

/** The public form: anyone can report someone they worry about, anonymously if they like. */
export function ReportPage() {
  const t = useT();
  const form = useApiForm();
  const [reference, setReference] = useState<string | null>(null);
  const [urgency, setUrgency] = useState('normal');
  const [who, setWho] = useState('anonymous');
  const [accepted, setAccepted] = useState(false);
  const [place, setPlace] = useState('postcode');
  const [municipality, setMunicipality] = useState<string | null>(null);

  if (reference) return <Done reference={reference} onAnother={() => setReference(null)} />;

  const submit = (values: Record<string, string>, element: HTMLFormElement) => {
    const text = (name: string) => values[name]?.trim() || undefined;
    const body: CreateSignalBody = {
      ...(place === 'postcode'
        ? { postcode: text('postcode') }
        : { municipality: municipality ?? undefined }),
      person: { name: text('person.name'), street: text('person.street') },
      signs: new FormData(element).getAll('signs').map(String) as CreateSignalBody['signs'],
      description: values.description ?? '',
      urgency: urgency as CreateSignalBody['urgency'],
      reporter:
        who === 'anonymous'
          ? { anonymous: true }
          : {
              anonymous: false,
              name: values['reporter.name'] ?? '',
              phone: text('reporter.phone'),
              email: text('reporter.email'),
            },
      privacyNoticeAccepted: accepted as true,
      website: text('website'),
    };
    void form.run(async () => {
      const result = await api.post<{ reference: string }>('/api/signals', body, { allowUnauthorized: true });
      setReference(result.reference);
      window.scrollTo(0, 0);
    });
  };

  return (
    <Page title={t('signals.report.title')} intro={<p>{t('signals.report.intro')}</p>}>
      <aside className="alert alert-info" aria-labelledby="signals-emergency">
        <p>
          <strong id="signals-emergency">{t('signals.report.emergencyTitle')}</strong>{' '}
          {t('signals.report.emergency')}
        </p>
      </aside>
      <ApiForm className="form card" form={form} onSubmit={submit}>
        <fieldset className="signals-fieldset">
          <legend>{t('signals.report.personLegend')}</legend>
          <p className="field-description">{t('signals.report.personHint')}</p>
          <Field name="person.name" label={t('signals.report.personName')} optional autoComplete="off" />
          <Field name="person.street" label={t('signals.report.personStreet')} optional autoComplete="off" />
          <RadioField
            name="place"
            label={t('signals.report.placeLegend')}
            value={place}
            onChange={setPlace}
            options={[
              { id: 'postcode', label: t('signals.report.placePostcode') },
              { id: 'municipality', label: t('signals.report.placeMunicipality') },
            ]}
          />
          {place === 'postcode' ? (
            <Field
              name="postcode"
              label={t('signals.report.postcode')}
              description={t('signals.report.postcodeHint')}
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
              isRequired
              inputClassName="signals-postcode"
            />
          ) : (
            <MunicipalityField value={municipality} onChange={setMunicipality} />
          )}
        </fieldset>
        <CheckboxesField
          name="signs"
          label={t('signals.report.signsLegend')}
          description={t('signals.report.signsHint')}
          options={SIGNAL_SIGNS.map((s) => ({ id: s, label: t(`signals.report.signs.${s}`) }))}
        />
        <TextAreaField
          name="description"
          label={t('signals.report.description')}
          description={t('signals.report.descriptionHint')}
          isRequired
          maxLength={5000}
        />
        <RadioField
          name="urgency"
          label={t('signals.report.urgencyLegend')}
          value={urgency}
          onChange={setUrgency}
          options={SIGNAL_URGENCIES.map((u) => ({ id: u, label: t(`signals.report.urgency.${u}`) }))}
        />
        <RadioField
          name="reporter"
          label={t('signals.report.reporterLegend')}
          value={who}
          onChange={setWho}
          options={[
            { id: 'anonymous', label: t('signals.report.reporterAnonymous') },
            { id: 'named', label: t('signals.report.reporterNamed') },
          ]}
        />
        {who === 'named' ? (
          <>
            <Field
              name="reporter.name"
              label={t('signals.report.reporterName')}
              autoComplete="name"
              isRequired
            />
            <Field
              name="reporter.phone"
              label={t('signals.report.reporterPhone')}
              type="tel"
              autoComplete="tel"
              optional
            />
            <Field
              name="reporter.email"
              label={t('signals.report.reporterEmail')}
              description={t('signals.report.reporterEmailHint')}
              type="email"
              autoComplete="email"
              optional
            />
          </>
        ) : null}
        <div className="signals-honeypot" aria-hidden="true">
          <label>
            {t('signals.report.honeypot')}
            <input name="website" tabIndex={-1} autoComplete="off" />
          </label>
        </div>
        <fieldset className="signals-fieldset">
          <legend>{t('signals.report.privacyTitle')}</legend>
          <p>{t('signals.report.privacy')}</p>
          <RequiredCheckbox name="privacyNoticeAccepted" isSelected={accepted} onChange={setAccepted}>
            {t('signals.report.privacyAccept')}
          </RequiredCheckbox>
        </fieldset>
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('signals.report.submit')}</SubmitButton>
        </div>
      </ApiForm>
    </Page>
  );
}

function Done({ reference, onAnother }: { reference: string; onAnother: () => void }) {
  const t = useT();
  return (
    <Page title={t('signals.report.doneTitle')}>
      <div className="signals-stack">
        <div className="card" role="status">
          <p>{t('signals.report.doneReference')}</p>
          <p className="signals-reference">{reference}</p>
          <p>{t('signals.report.doneKeep')}</p>
        </div>
        <section className="card" aria-labelledby="signals-next">
          <h2 id="signals-next">{t('signals.report.nextTitle')}</h2>
          <ol>
            <li>{t('signals.report.next1')}</li>
            <li>{t('signals.report.next2')}</li>
            <li>{t('signals.report.next3')}</li>
          </ol>
          <p className="actions">
            <Link
              href={`/melden/status?nummer=${encodeURIComponent(reference)}`}
              className="button button-primary"
            >
              {t('signals.report.followStatus')}
            </Link>
            <button type="button" className="button button-secondary" onClick={onAnother}>
              {t('signals.report.another')}
            </button>
          </p>
        </section>
      </div>
    </Page>
  );
}

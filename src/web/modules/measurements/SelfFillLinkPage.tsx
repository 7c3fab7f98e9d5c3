import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useParams, useSearch } from 'wouter';
import { api } from '../../api.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { currentLocale, localeNames, locales, useT } from '../../i18n.ts';
import { clientName } from '../clients/labels.tsx';
import type { ClientDetail } from '../clients/types.ts';
import { RadioField } from '../signals/fields.tsx';
import { type InstrumentList, isInstrumentId, type SelfFillLink } from './types.ts';
import { useFocusHeading } from './useFocusHeading.ts';
import '../clients/clients.css';
import '../signals/signals.css';
import './measurements.css';

const DEFAULT_DAYS = 14;

/**
 * A single-use link for the person to answer on their own phone: as text to copy into a
 * message, and as a QR code to scan right there. It says when it stops working.
 */
export function SelfFillLinkPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const search = new URLSearchParams(useSearch());
  const trackId = search.get('track');
  const occasion = search.get('occasion');
  const asked = search.get('instrument');
  const client = useResource<ClientDetail>(`/api/clients/${id}`);
  const instruments = useResource<InstrumentList>('/api/instruments');
  const form = useApiForm();
  const [instrumentId, setInstrumentId] = useState<string>(isInstrumentId(asked) ? asked : 'djg-6');
  const [locale, setLocale] = useState<string>(currentLocale());
  const [link, setLink] = useState<SelfFillLink | null>(null);
  const name = client.data ? clientName(client.data) : '';
  return (
    <Page
      title={name ? t('measurements.link.title', { name }) : t('measurements.link.loadingTitle')}
      intro={<p>{t('measurements.link.intro')}</p>}
    >
      <p>
        <Link href={`/clients/${id}/measurements`} className="link">
          {t('measurements.take.back')}
        </Link>
      </p>
      {link ? (
        <LinkReady link={link} onAnother={() => setLink(null)} />
      ) : (
        <Loaded resource={instruments}>
          {(list) => (
            <ApiForm
              form={form}
              onSubmit={(values) =>
                void form.run(async () => {
                  setLink(
                    await api.post<SelfFillLink>(`/api/clients/${id}/measurements/self-fill-links`, {
                      instrumentId,
                      locale,
                      validDays: Number(values.validDays),
                      ...(trackId && occasion !== null ? { trackId, occasionMonths: Number(occasion) } : {}),
                    }),
                  );
                })
              }
            >
              <RadioField
                label={t('measurements.take.instrument')}
                name="instrumentId"
                options={list.instruments.map((i) => ({ id: i.id, label: i.name }))}
                value={instrumentId}
                onChange={setInstrumentId}
              />
              <SelectField
                name="locale"
                label={t('measurements.link.language')}
                description={t('measurements.link.languageHint')}
                options={locales.map((l) => ({ id: l, label: localeNames[l] }))}
                value={locale}
                onChange={setLocale}
                isRequired
              />
              <Field
                name="validDays"
                type="number"
                label={t('measurements.link.validDays')}
                description={t('measurements.link.validDaysHint')}
                defaultValue={String(DEFAULT_DAYS)}
                isRequired
                inputClassName="mq-days"
              />
              <div className="actions">
                <SubmitButton isPending={form.pending}>{t('measurements.link.create')}</SubmitButton>
              </div>
            </ApiForm>
          )}
        </Loaded>
      )}
    </Page>
  );
}

function LinkReady({ link, onAnother }: { link: SelfFillLink; onAnother: () => void }) {
  const t = useT();
  const heading = useFocusHeading();
  return (
    <section aria-labelledby="mq-link-ready" className="mq-link">
      <h2 id="mq-link-ready" ref={heading} tabIndex={-1}>
        {t('measurements.link.readyTitle')}
      </h2>
      <div className="alert alert-info">
        <p>{t('measurements.link.once', { until: formatDateTime(link.expiresAt) })}</p>
      </div>
      <label className="field-label" htmlFor="mq-link-url">
        {t('measurements.link.url')}
      </label>
      <div className="token-row">
        <input id="mq-link-url" className="input" readOnly value={link.url} />
        <CopyButton text={link.url} label={t('measurements.link.copy')} fallbackTargetId="mq-link-url" />
      </div>
      <h3>{t('measurements.link.qrTitle')}</h3>
      <p>{t('measurements.link.qrText')}</p>
      <div className="qr">
        <QRCodeSVG
          value={link.url}
          size={232}
          marginSize={2}
          title={t('measurements.link.qrAlt')}
          role="img"
        />
      </div>
      <div className="actions">
        <Button className="button button-secondary" onPress={onAnother}>
          {t('measurements.link.another')}
        </Button>
      </div>
    </section>
  );
}

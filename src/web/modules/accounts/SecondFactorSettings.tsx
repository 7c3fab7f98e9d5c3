import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { api } from '../../api.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { Field } from '../../components/fields.tsx';
import { ApiForm, FormAlert, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import type { TotpSetupView } from '../../types.ts';
import { CodeField, withoutSpaces } from './CodeField.tsx';

/** "ABCD EFGH ...": easier to type over from the screen. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

function SetupSteps({ setup, onEnabled }: { setup: TotpSetupView; onEnabled: () => Promise<void> }) {
  const t = useT();
  const form = useApiForm();
  return (
    <div className="setup">
      <ol className="steps">
        <li>
          <h3>{t('account.secondFactor.step1')}</h3>
          <p>{t('account.secondFactor.step1Text')}</p>
          <div className="qr">
            <QRCodeSVG
              value={setup.otpauthUrl}
              size={208}
              marginSize={2}
              title={t('account.secondFactor.qrTitle')}
              role="img"
            />
          </div>
          <p>{t('account.secondFactor.manual')}</p>
          <p className="secret">
            <code id="totp-secret">{groupSecret(setup.secret)}</code>
          </p>
          <CopyButton text={setup.secret} label={t('account.secondFactor.copySecret')} />
        </li>
        <li>
          <h3>{t('account.secondFactor.step2')}</h3>
          <ApiForm
            className="form"
            form={form}
            onSubmit={(values) => {
              const { code = '' } = values;
              void form.run(async () => {
                await api.post('/api/account/second-factor/enable', { code: withoutSpaces(code) });
                await onEnabled();
              });
            }}
          >
            <CodeField
              label={t('account.secondFactor.code')}
              description={t('account.secondFactor.codeHint')}
            />
            <div className="actions">
              <SubmitButton isPending={form.pending}>{t('account.secondFactor.confirm')}</SubmitButton>
            </div>
          </ApiForm>
        </li>
      </ol>
    </div>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => Promise<void> }) {
  const t = useT();
  const form = useApiForm();
  return (
    <ApiForm
      className="form"
      form={form}
      onSubmit={(values) => {
        const { password = '' } = values;
        void form.run(async () => {
          await api.post('/api/account/second-factor/disable', { password });
          await onDisabled();
        });
      }}
    >
      <Field
        name="password"
        type="password"
        label={t('account.secondFactor.disablePassword')}
        description={t('account.secondFactor.disableHint')}
        autoComplete="current-password"
        isRequired
      />
      <div className="actions">
        <SubmitButton variant="danger" isPending={form.pending}>
          {t('account.secondFactor.disable')}
        </SubmitButton>
      </div>
    </ApiForm>
  );
}

/** Turning the authenticator app on (QR code, typed secret, a first code) or off (with the password). */
export function SecondFactorSettings() {
  const t = useT();
  const { session, refresh } = useSession();
  const [setup, setSetup] = useState<TotpSetupView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const start = useApiForm();
  const section = useRef<HTMLElement>(null);
  const enabled = Boolean(session?.user?.totpEnabled);

  useEffect(() => {
    // Linked from the banner as #second-factor: bring it into view.
    if (window.location.hash === '#second-factor') section.current?.scrollIntoView();
  }, []);

  return (
    <section ref={section} id="second-factor" className="card" aria-labelledby="second-factor-title">
      <h2 id="second-factor-title">{t('account.secondFactor.title')}</h2>
      <SuccessMessage message={message} />
      {enabled ? (
        <>
          <p className="badge-line">
            <span className="badge badge-ok">{t('account.secondFactor.on')}</span>
          </p>
          <p>{t('account.secondFactor.onText')}</p>
          <DisableForm
            onDisabled={async () => {
              await refresh();
              setMessage(t('account.secondFactor.disabled'));
            }}
          />
        </>
      ) : setup ? (
        <SetupSteps
          setup={setup}
          onEnabled={async () => {
            setSetup(null);
            await refresh();
            setMessage(t('account.secondFactor.enabled'));
          }}
        />
      ) : (
        <>
          <p className="badge-line">
            <span className="badge">{t('account.secondFactor.off')}</span>
          </p>
          <p>{t('account.secondFactor.intro')}</p>
          <p>{t('account.secondFactor.apps')}</p>
          <FormAlert error={start.error} />
          <Button
            className="button button-primary"
            isPending={start.pending}
            onPress={() =>
              void start.run(async () => {
                setMessage(null);
                setSetup(await api.post<TotpSetupView>('/api/account/second-factor/setup'));
              })
            }
          >
            {t('account.secondFactor.start')}
          </Button>
        </>
      )}
    </section>
  );
}

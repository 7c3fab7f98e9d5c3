import { useState } from 'react';
import { api } from '../../api.ts';
import { Field, SwitchField } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, SuccessMessage, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { isLocale, type Locale, localeNames, locales, rememberLocale, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import type { AccountView } from '../../types.ts';

function ProfileForm({ account, onSaved }: { account: AccountView; onSaved: (a: AccountView) => void }) {
  const t = useT();
  const { session, setSession } = useSession();
  const form = useApiForm();
  const [locale, setLocale] = useState<Locale>(isLocale(account.locale) ? account.locale : 'nl-BE');
  const [largeText, setLargeText] = useState(account.largeText);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <ApiForm
      className="form card"
      form={form}
      onSubmit={(values) => {
        const { name = '' } = values;
        setSaved(null);
        void form.run(async () => {
          const next = await api.patch<AccountView>('/api/account', { name, locale, largeText });
          onSaved(next);
          rememberLocale(next.locale);
          if (session?.user)
            setSession({
              ...session,
              user: { ...session.user, name: next.name, locale: next.locale, largeText: next.largeText },
            });
          setSaved(t('account.profile.saved'));
        });
      }}
    >
      <SuccessMessage message={saved} />
      <Field
        name="name"
        label={t('account.profile.name')}
        defaultValue={account.name}
        autoComplete="name"
        isRequired
      />
      <div className="field">
        <span className="field-label">{t('account.profile.email')}</span>
        <p className="field-static">{account.email}</p>
      </div>
      <SelectField
        name="locale"
        label={t('account.profile.language')}
        description={t('account.profile.languageHint')}
        options={locales.map((l) => ({ id: l, label: localeNames[l] }))}
        value={locale}
        onChange={(value) => {
          if (isLocale(value)) setLocale(value);
        }}
      />
      <SwitchField
        isSelected={largeText}
        onChange={setLargeText}
        name="largeText"
        aria-describedby="large-text-hint"
      >
        {t('account.profile.largeText')}
      </SwitchField>
      <p className="field-description" id="large-text-hint">
        {t('account.profile.largeTextHint')}
      </p>
      <div className="actions">
        <SubmitButton isPending={form.pending}>{t('form.save')}</SubmitButton>
      </div>
    </ApiForm>
  );
}

export function ProfilePage() {
  const t = useT();
  const account = useResource<AccountView>('/api/account');
  return (
    <Page title={t('account.profile.title')} intro={<p>{t('account.profile.intro')}</p>}>
      {account.error ? <LoadError error={account.error} onRetry={account.reload} /> : null}
      {account.data ? <ProfileForm account={account.data} onSaved={account.setData} /> : null}
      {account.loading && !account.data ? <Loading /> : null}
    </Page>
  );
}

import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { CreateClientBody } from '../../../contracts/clients.ts';
import { api } from '../../api.ts';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { useLoadedSession } from '../../session.tsx';
import { ClientFields, useRecordChoices } from './ClientFields.tsx';
import { ConsentStep } from './ConsentStep.tsx';
import { optional, renameFields } from './formErrors.ts';
import { mayRegister, useChosenOrganisation } from './organisations.ts';
import type { ConsentMethod } from './types.ts';
import '../signals/signals.css';
import './clients.css';

/** Registers a person: who, where, age, household and languages, and their consent, in one go. */
export function NewClientPage() {
  const t = useT();
  const session = useLoadedSession();
  const organisation = useChosenOrganisation(session);
  const [, navigate] = useLocation();
  const form = useApiForm();
  const record = useRecordChoices();
  const [accepted, setAccepted] = useState(false);
  const [method, setMethod] = useState('');

  if (!organisation || !mayRegister(session, organisation.organisationId))
    return (
      <Page title={t('clients.new.title')}>
        <p>{t('clients.new.notAllowed')}</p>
      </Page>
    );

  const submit = (values: Record<string, string>) => {
    // Without the tick, no consent goes out and the server refuses: a record never exists without it.
    const body = {
      organisationId: organisation.organisationId,
      ...record.toFields(values),
      consent: accepted
        ? { method: (method || undefined) as ConsentMethod, note: optional(values, 'consent.note') }
        : undefined,
    } as CreateClientBody;
    void form.run(async () => {
      try {
        const created = await api.post<{ id: string }>('/api/clients', body);
        navigate(`/clients/${created.id}`);
      } catch (error) {
        throw renameFields(
          error,
          { municipalityNis: 'municipality' },
          accepted ? {} : { consent: t('clients.consentStep.needed') },
        );
      }
    });
  };

  return (
    <Page
      title={t('clients.new.title')}
      intro={<p>{t('clients.new.intro', { organisation: organisation.organisationName })}</p>}
    >
      <p>
        <Link href="/clients" className="link">
          {t('clients.detail.back')}
        </Link>
      </p>
      <ApiForm className="form card" form={form} onSubmit={submit}>
        <ClientFields state={record} />
        <ConsentStep accepted={accepted} onAccept={setAccepted} method={method} onMethod={setMethod} />
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('clients.new.submit')}</SubmitButton>
        </div>
      </ApiForm>
    </Page>
  );
}

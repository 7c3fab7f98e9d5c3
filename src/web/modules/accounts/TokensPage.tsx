import { useState } from 'react';
import { Cell, Input, Row } from 'react-aria-components';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { ApiTokenView, CreatedApiTokenView } from '../../types.ts';

/** The new token, shown this once. */
function NewToken({ token }: { token: CreatedApiTokenView }) {
  const t = useT();
  return (
    <div className="alert alert-success new-token" role="status">
      <p>
        <strong>{t('account.tokens.createdTitle', { name: token.name })}</strong>
      </p>
      <p>{t('account.tokens.createdOnce')}</p>
      <div className="token-row">
        <Input
          id="new-token"
          className="input input-mono"
          value={token.token}
          readOnly
          aria-label={t('account.tokens.tokenLabel')}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={token.token} label={t('account.tokens.copy')} fallbackTargetId="new-token" />
      </div>
    </div>
  );
}

function TokenTable({ tokens, onRevoked }: { tokens: ApiTokenView[]; onRevoked: () => void }) {
  const t = useT();
  return (
    <DataTable
      label={t('account.tokens.listTitle')}
      columns={[
        t('account.tokens.name'),
        t('account.tokens.prefix'),
        t('account.tokens.created'),
        t('account.tokens.lastUsed'),
      ]}
      actions
      items={tokens}
      empty={t('account.tokens.empty')}
    >
      {(token) => (
        <Row id={token.id}>
          <Cell>{token.name}</Cell>
          <Cell>
            <code>{token.prefix}…</code>
          </Cell>
          <Cell>{formatDateTime(token.createdAt)}</Cell>
          <Cell>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('account.tokens.neverUsed')}</Cell>
          <Cell>
            <ConfirmDialog
              trigger={t('account.tokens.revoke')}
              triggerVariant="danger"
              title={t('account.tokens.revokeTitle', { name: token.name })}
              confirmLabel={t('account.tokens.revoke')}
              danger
              onConfirm={async () => {
                await api.delete(`/api/account/tokens/${token.id}`);
                onRevoked();
              }}
            >
              <p>{t('account.tokens.revokeText')}</p>
            </ConfirmDialog>
          </Cell>
        </Row>
      )}
    </DataTable>
  );
}

export function TokensPage() {
  const t = useT();
  const tokens = useResource<ApiTokenView[]>('/api/account/tokens');
  const [created, setCreated] = useState<CreatedApiTokenView | null>(null);
  const form = useApiForm();
  return (
    <Page title={t('account.tokens.title')} intro={<p>{t('account.tokens.intro')}</p>}>
      <section className="card" aria-labelledby="new-token-title">
        <h2 id="new-token-title">{t('account.tokens.newTitle')}</h2>
        {created ? <NewToken token={created} /> : null}
        <ApiForm
          className="form"
          form={form}
          onSubmit={(values, formElement) => {
            const { name = '' } = values;
            void form.run(async () => {
              setCreated(await api.post<CreatedApiTokenView>('/api/account/tokens', { name }));
              formElement.reset();
              tokens.reload();
            });
          }}
        >
          <Field
            name="name"
            label={t('account.tokens.name')}
            description={t('account.tokens.nameHint')}
            isRequired
          />
          <div className="actions">
            <SubmitButton isPending={form.pending}>{t('account.tokens.create')}</SubmitButton>
          </div>
        </ApiForm>
      </section>
      <section className="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t('account.tokens.listTitle')}</h2>
        <Loaded resource={tokens}>{(data) => <TokenTable tokens={data} onRevoked={tokens.reload} />}</Loaded>
      </section>
    </Page>
  );
}

import { api, withQuery } from '../../api.ts';
import { useClearFieldError, useFieldError } from '../../components/forms.tsx';
import { SearchComboBox } from '../../components/SearchComboBox.tsx';
import { useT } from '../../i18n.ts';
import type { SearchAnswer, SearchResult } from '../directory/types.ts';

async function searchServices(q: string, signal: AbortSignal): Promise<SearchResult[]> {
  const answer = await api.get<SearchAnswer>(withQuery('/api/directory/search', { q, per_page: 10 }), {
    signal,
  });
  return answer.results;
}

/** Searches the published initiatives of the directory by name or kind; the value is the initiative's id. */
export function ServicePicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (service: SearchResult | null) => void;
}) {
  const t = useT();
  const error = useFieldError('serviceId');
  const clearError = useClearFieldError('serviceId');
  return (
    <SearchComboBox
      name="serviceId"
      label={t('clients.referrals.service')}
      description={t('clients.referrals.serviceHint')}
      value={value}
      search={searchServices}
      itemKey={(s) => s.id}
      itemText={(s) => s.name}
      itemDetail={(s) => (s.location ? s.location.address : null)}
      onSelect={onChange}
      error={error}
      onClearError={clearError}
      messages={{
        searching: t('status.searching'),
        typeMore: t('clients.referrals.typeMore'),
        noMatch: t('clients.referrals.noMatch'),
      }}
      debounceMs={250}
      holdPickedText
    />
  );
}

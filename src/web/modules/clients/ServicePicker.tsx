import { useEffect, useState } from 'react';
import {
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { api, withQuery } from '../../api.ts';
import { useClearFieldError, useFieldError } from '../../components/forms.tsx';
import { useT } from '../../i18n.ts';
import type { SearchAnswer, SearchResult } from '../directory/types.ts';

const MIN_QUERY = 2;
const DEBOUNCE_MS = 250;

/** Searches the published initiatives of the directory by name or kind; the value is the initiative's id. */
export function ServicePicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (service: SearchResult | null) => void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<SearchResult[]>([]);
  const [searching, setSearching] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const error = useFieldError('serviceId');
  const clearError = useClearFieldError('serviceId');

  useEffect(() => {
    // The input shows the chosen initiative's name: no new search for that.
    if (picked !== null && query === picked) return;
    if (query.trim().length < MIN_QUERY) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      api
        .get<SearchAnswer>(withQuery('/api/directory/search', { q: query.trim(), per_page: 10 }), {
          signal: controller.signal,
        })
        .then(
          (answer) => setItems(answer.results),
          () => setItems([]),
        )
        .finally(() => {
          if (!controller.signal.aborted) setSearching(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, picked]);

  return (
    <ComboBox
      className="field"
      name="serviceId"
      formValue="key"
      items={items}
      inputValue={query}
      onInputChange={setQuery}
      selectedKey={value}
      onSelectionChange={(key) => {
        clearError();
        const chosen = items.find((s) => s.id === key) ?? null;
        if (chosen) {
          setPicked(chosen.name);
          setQuery(chosen.name);
        }
        onChange(chosen);
      }}
      menuTrigger="input"
      allowsEmptyCollection
      isRequired
      isInvalid={Boolean(error)}
    >
      <Label className="field-label">{t('clients.referrals.service')}</Label>
      <Text slot="description" className="field-description">
        {t('clients.referrals.serviceHint')}
      </Text>
      <Input className="input" autoComplete="off" />
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox-empty">
              {searching
                ? t('status.searching')
                : query.trim().length < MIN_QUERY
                  ? t('clients.referrals.typeMore')
                  : t('clients.referrals.noMatch')}
            </p>
          )}
        >
          {(s: SearchResult) => (
            <ListBoxItem id={s.id} textValue={s.name} className="listbox-item">
              <span className="option-main">{s.name}</span>
              {s.location ? <span className="option-sub">{s.location.address}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

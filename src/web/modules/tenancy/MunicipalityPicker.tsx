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
import { municipalityName } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { GazetteerMunicipality } from '../../types.ts';

const MIN_QUERY = 2;
const DEBOUNCE_MS = 200;

/** Both names when they differ ("Brussel / Bruxelles"), the reader's language first. */
function label(m: GazetteerMunicipality): string {
  const names = { nameNl: m.name.nl, nameFr: m.name.fr };
  const first = municipalityName(names);
  const other = first === names.nameNl ? names.nameFr : names.nameNl;
  return other && other !== first ? `${first} / ${other}` : first;
}

/** "Zeebrugge → Brugge · West-Vlaanderen": why this one matched, and where it lies. */
function detail(m: GazetteerMunicipality): string {
  const province = m.province
    ? municipalityName({ nameNl: m.province.name.nl, nameFr: m.province.name.fr })
    : '';
  return [m.matchedPlace, province, m.nisCode].filter(Boolean).join(' · ');
}

/** Search-as-you-type over the Belgian gazetteer; the value is the NIS code. */
export function MunicipalityPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (municipality: GazetteerMunicipality | null) => void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<GazetteerMunicipality[]>([]);
  const [searching, setSearching] = useState(false);
  const error = useFieldError('nisCode');
  const clearError = useClearFieldError('nisCode');

  useEffect(() => {
    if (query.trim().length < MIN_QUERY) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      api
        .get<{ municipalities: GazetteerMunicipality[] }>(
          withQuery('/api/gazetteer/municipalities', { q: query.trim() }),
          { signal: controller.signal },
        )
        .then(
          (answer) => setItems(answer.municipalities),
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
  }, [query]);

  return (
    <ComboBox
      className="field"
      name="nisCode"
      formValue="key"
      items={items}
      inputValue={query}
      onInputChange={setQuery}
      selectedKey={value}
      onSelectionChange={(key) => {
        clearError();
        onChange(items.find((m) => m.nisCode === key) ?? null);
      }}
      menuTrigger="input"
      allowsEmptyCollection
      isRequired
      isInvalid={Boolean(error)}
    >
      <Label className="field-label">{t('municipalities.search')}</Label>
      <Text slot="description" className="field-description">
        {t('municipalities.searchHint')}
      </Text>
      <Input className="input" />
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox-empty">
              {searching
                ? t('status.searching')
                : query.trim().length < MIN_QUERY
                  ? t('municipalities.typeMore')
                  : t('municipalities.noMatch')}
            </p>
          )}
        >
          {(m: GazetteerMunicipality) => (
            <ListBoxItem id={m.nisCode} textValue={label(m)} className="listbox-item">
              <span className="option-main">{label(m)}</span>
              <span className="option-sub">{detail(m)}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

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

function label(m: GazetteerMunicipality): string {
  const first = municipalityName({ nameNl: m.name.nl, nameFr: m.name.fr });
  const other = first === m.name.nl ? m.name.fr : m.name.nl;
  return other && other !== first ? `${first} / ${other}` : first;
}

/**
 * The municipality where the person lives, searched in the Belgian gazetteer by
 * name or by one of its places ("Zeebrugge"); for reporters who do not know the
 * postcode. The form value is the NIS code, as the API takes it.
 */
export function MunicipalityField({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (nisCode: string | null) => void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<GazetteerMunicipality[]>([]);
  const [searching, setSearching] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  // "Postcode or municipality required" comes on the postcode, which this field replaces.
  const municipalityError = useFieldError('municipality');
  const placeError = useFieldError('postcode');
  const error = municipalityError ?? placeError;
  const clearMunicipality = useClearFieldError('municipality');
  const clearPostcode = useClearFieldError('postcode');

  useEffect(() => {
    // The input shows the chosen municipality's name: no new search for that.
    if (picked !== null && query === picked) return;
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
          { signal: controller.signal, allowUnauthorized: true },
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
  }, [query, picked]);

  return (
    <ComboBox
      className="field"
      name="municipality"
      formValue="key"
      items={items}
      inputValue={query}
      onInputChange={setQuery}
      selectedKey={value}
      onSelectionChange={(key) => {
        clearMunicipality();
        clearPostcode();
        const chosen = items.find((m) => m.nisCode === key);
        if (chosen) {
          setPicked(label(chosen));
          setQuery(label(chosen));
        }
        onChange(chosen ? chosen.nisCode : null);
      }}
      menuTrigger="input"
      allowsEmptyCollection
      isRequired
      isInvalid={Boolean(error)}
    >
      <Label className="field-label">{t('signals.report.municipality')}</Label>
      <Text slot="description" className="field-description">
        {t('signals.report.municipalityHint')}
      </Text>
      <Input className="input" autoComplete="off" />
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox-empty">
              {searching
                ? t('signals.report.municipalitySearching')
                : query.trim().length < MIN_QUERY
                  ? t('signals.report.municipalityTypeMore')
                  : t('signals.report.municipalityNoMatch')}
            </p>
          )}
        >
          {(m: GazetteerMunicipality) => (
            <ListBoxItem id={m.nisCode} textValue={label(m)} className="listbox-item">
              <span className="option-main">{label(m)}</span>
              {m.matchedPlace ? <span className="option-sub">{m.matchedPlace}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

import { api, withQuery } from '../../api.ts';
import { useClearFieldError, useFieldError } from '../../components/forms.tsx';
import { SearchComboBox } from '../../components/SearchComboBox.tsx';
import { municipalityName } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { GazetteerMunicipality } from '../../types.ts';

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

async function searchGazetteer(q: string, signal: AbortSignal): Promise<GazetteerMunicipality[]> {
  const answer = await api.get<{ municipalities: GazetteerMunicipality[] }>(
    withQuery('/api/gazetteer/municipalities', { q }),
    { signal },
  );
  return answer.municipalities;
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
  const error = useFieldError('nisCode');
  const clearError = useClearFieldError('nisCode');
  return (
    <SearchComboBox
      name="nisCode"
      label={t('municipalities.search')}
      description={t('municipalities.searchHint')}
      value={value}
      search={searchGazetteer}
      itemKey={(m) => m.nisCode}
      itemText={label}
      itemDetail={detail}
      onSelect={onChange}
      error={error}
      onClearError={clearError}
      messages={{
        searching: t('status.searching'),
        typeMore: t('municipalities.typeMore'),
        noMatch: t('municipalities.noMatch'),
      }}
      debounceMs={200}
    />
  );
}

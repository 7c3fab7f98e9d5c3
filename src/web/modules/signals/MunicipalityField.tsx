import { api, withQuery } from '../../api.ts';
import { useClearFieldError, useFieldError } from '../../components/forms.tsx';
import { SearchComboBox } from '../../components/SearchComboBox.tsx';
import { municipalityName } from '../../format.ts';
import { useT } from '../../i18n.ts';
import type { GazetteerMunicipality } from '../../types.ts';

function label(m: GazetteerMunicipality): string {
  const first = municipalityName({ nameNl: m.name.nl, nameFr: m.name.fr });
  const other = first === m.name.nl ? m.name.fr : m.name.nl;
  return other && other !== first ? `${first} / ${other}` : first;
}

// The report form is public: a 401 here must not send the reporter to the login page.
async function searchMunicipalities(q: string, signal: AbortSignal): Promise<GazetteerMunicipality[]> {
  const answer = await api.get<{ municipalities: GazetteerMunicipality[] }>(
    withQuery('/api/gazetteer/municipalities', { q }),
    { signal, allowUnauthorized: true },
  );
  return answer.municipalities;
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
  // "Postcode or municipality required" comes on the postcode, which this field replaces.
  const municipalityError = useFieldError('municipality');
  const placeError = useFieldError('postcode');
  const clearMunicipality = useClearFieldError('municipality');
  const clearPostcode = useClearFieldError('postcode');
  return (
    <SearchComboBox
      name="municipality"
      label={t('signals.report.municipality')}
      description={t('signals.report.municipalityHint')}
      value={value}
      search={searchMunicipalities}
      itemKey={(m) => m.nisCode}
      itemText={label}
      itemDetail={(m) => m.matchedPlace || null}
      onSelect={(m) => onChange(m ? m.nisCode : null)}
      error={municipalityError ?? placeError}
      onClearError={() => {
        clearMunicipality();
        clearPostcode();
      }}
      messages={{
        searching: t('signals.report.municipalitySearching'),
        typeMore: t('signals.report.municipalityTypeMore'),
        noMatch: t('signals.report.municipalityNoMatch'),
      }}
      debounceMs={200}
      holdPickedText
    />
  );
}

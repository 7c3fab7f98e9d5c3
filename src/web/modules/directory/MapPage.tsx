import { Button } from 'react-aria-components';
import { Link, useParams } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { compareNames, formatDate, municipalityName } from '../../format.ts';
import { type T, useT } from '../../i18n.ts';
import { scheduleText, vocab } from './labels.ts';
import type { Entry } from './types.ts';
import './directory.css';

interface SocialMap {
  municipality: { nisCode: string; nameNl: string; nameFr: string };
  printedAt: string;
  groups: { type: string; entries: Entry[] }[];
}

function MapEntry({ e, t }: { e: Entry; t: T }) {
  const place = e.locations[0];
  const phone = e.contacts.find((c) => c.phone)?.phone;
  return (
    <article className="map-entry">
      <h3>{e.name}</h3>
      {e.description ? <p>{e.description}</p> : null}
      <p>
        {e.schedules.map((s) => scheduleText(t, s)).join(' · ')}
        {place ? ` · ${place.address1}, ${place.postalCode} ${place.city}` : ''}
      </p>
      <p>
        {vocab(t, 'how_to_join', e.howToJoin)} · {vocab(t, 'cost', e.costOption)}
        {phone ? ` · ${t('directory.phone')}: ${phone}` : ''}
        {e.email ? ` · ${e.email}` : ''}
      </p>
    </article>
  );
}

/** A municipality's "sociale kaart" for home-care workers to print and hand out (A4, grouped by type). */
export function MapPage() {
  const t = useT();
  const { nis } = useParams<{ nis: string }>();
  const map = useResource<SocialMap>(`/api/directory/maps/${encodeURIComponent(nis)}`);
  return (
    <Loaded resource={map}>
      {(m) => (
        <Page
          title={t('directory.map.title', { municipality: municipalityName(m.municipality) })}
          intro={<p>{t('directory.map.intro', { date: formatDate(m.printedAt) })}</p>}
        >
          <p className="no-print">
            <Button className="button button-primary" onPress={() => window.print()}>
              {t('directory.map.print')}
            </Button>
          </p>
          {[...m.groups]
            .sort((a, b) => compareNames(vocab(t, 'type', a.type), vocab(t, 'type', b.type)))
            .map((g) => (
              <section key={g.type} className="map-group" aria-labelledby={`map-${g.type}`}>
                <h2 id={`map-${g.type}`}>{vocab(t, 'type', g.type)}</h2>
                {g.entries.map((e) => (
                  <MapEntry key={e.id} e={e} t={t} />
                ))}
              </section>
            ))}
          <p className="no-print">
            <Link href="/sociale-kaart" className="link">
              {t('directory.map.other')}
            </Link>
          </p>
        </Page>
      )}
    </Loaded>
  );
}

/** Which municipalities have a sociale kaart. */
export function MapsPage() {
  const t = useT();
  const list = useResource<{
    municipalities: { nisCode: string; nameNl: string; nameFr: string; entries: number }[];
  }>('/api/directory/maps');
  return (
    <Page title={t('directory.map.listTitle')} intro={<p>{t('directory.map.listIntro')}</p>}>
      <Loaded resource={list}>
        {(l) => (
          <ul className="map-list">
            {l.municipalities.map((m) => (
              <li key={m.nisCode}>
                <Link href={`/sociale-kaart/${m.nisCode}`} className="link">
                  {municipalityName(m)}
                </Link>{' '}
                {t('directory.map.count', { count: m.entries })}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Page>
  );
}

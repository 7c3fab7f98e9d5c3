import { Link } from 'wouter';
import { type NetworkMapDocument, SUPPORT_KINDS } from '../../../contracts/networks.ts';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import { type AnalysisView, networkPaths, type SuggestionsView } from './networkApi.ts';

/** The analysis of the saved map in figures and plain words, and initiatives that could fill a gap. */
export function AnalysisTab({
  clientId,
  dirty,
  savedVersion,
  document,
}: {
  clientId: string;
  dirty: boolean;
  savedVersion: number;
  document: NetworkMapDocument;
}) {
  const t = useT();
  const paths = networkPaths(clientId);
  // The version makes the address change after a save, so the figures follow the map.
  const analysis = useResource<AnalysisView>(`${paths.analysis()}#v${savedVersion}`);
  const suggestions = useResource<SuggestionsView>(`${paths.suggestions}#v${savedVersion}`);
  const names = (ids: string[]) =>
    ids.map((id) => document.ecogram.members.find((m) => m.id === id)?.label ?? id).join(', ');

  return (
    <div className="networks-stack">
      {dirty ? (
        <div className="alert alert-info">
          <p>{t('networks.analysis.aboutSaved')}</p>
        </div>
      ) : null}
      <Loaded resource={analysis}>
        {(a) => (
          <>
            <section className="card" aria-labelledby="analysis-figures-title">
              <h2 id="analysis-figures-title" className="networks-subtitle">
                {t('networks.analysis.figuresTitle')}
              </h2>
              <dl className="networks-figures">
                <div>
                  <dt>{t('networks.analysis.size')}</dt>
                  <dd>
                    {t('networks.analysis.sizeValue', {
                      count: a.size,
                      informal: a.informal,
                      formal: a.formal,
                    })}
                  </dd>
                </div>
                <div>
                  <dt>{t('networks.analysis.sectors')}</dt>
                  <dd>
                    {t('networks.analysis.sectorsValue', { count: a.sectorsUsed })}
                    {a.emptySectors.length > 0
                      ? ` ${t('networks.analysis.emptySectors', {
                          sectors: a.emptySectors.map((s) => t(`networks.analysis.sector.${s}`)).join(', '),
                        })}`
                      : ''}
                  </dd>
                </div>
                {SUPPORT_KINDS.map((kind) => (
                  <div key={kind}>
                    <dt>{t(`networks.analysis.support.${kind}`)}</dt>
                    <dd>
                      {a.supportSources[kind].length === 0
                        ? t('networks.analysis.nobody')
                        : t('networks.analysis.sources', {
                            count: a.supportSources[kind].length,
                            names: names(a.supportSources[kind]),
                          })}
                    </dd>
                  </div>
                ))}
                <div>
                  <dt>{t('networks.analysis.reciprocity')}</dt>
                  <dd>{t('networks.analysis.reciprocityValue', a.reciprocity)}</dd>
                </div>
                <div>
                  <dt>{t('networks.analysis.overloaded')}</dt>
                  <dd>
                    {a.overloaded.length === 0 && a.heavy.length === 0
                      ? t('networks.analysis.nobody')
                      : [
                          a.overloaded.length > 0
                            ? t('networks.analysis.overloadedNames', { names: names(a.overloaded) })
                            : '',
                          a.heavy.length > 0
                            ? t('networks.analysis.heavyNames', { names: names(a.heavy) })
                            : '',
                        ]
                          .filter(Boolean)
                          .join(' ')}
                  </dd>
                </div>
                {a.concentration ? (
                  <div>
                    <dt>{t('networks.analysis.concentration')}</dt>
                    <dd>
                      {t('networks.analysis.concentrationValue', {
                        name: names([a.concentration.memberId]),
                        items: a.concentration.items,
                        total: a.concentration.total,
                      })}
                    </dd>
                  </div>
                ) : null}
              </dl>
            </section>
            <section className="card" aria-labelledby="analysis-findings-title">
              <h2 id="analysis-findings-title" className="networks-subtitle">
                {t('networks.analysis.findingsTitle')}
              </h2>
              {a.findings.length === 0 ? (
                <p className="muted">{t('networks.analysis.noFindings')}</p>
              ) : (
                <ul className="networks-findings">
                  {a.findings.map((f, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the server's order is the meaning
                    <li key={i} className={`networks-finding networks-finding-${f.severity}`}>
                      <span className="networks-finding-tag">
                        {t(`networks.analysis.severity.${f.severity}`)}
                      </span>
                      <span>{f.text}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </Loaded>
      <section className="card" aria-labelledby="analysis-suggestions-title">
        <h2 id="analysis-suggestions-title" className="networks-subtitle">
          {t('networks.analysis.suggestionsTitle')}
        </h2>
        <Loaded resource={suggestions}>
          {(s) => (
            <>
              <p className="field-description">
                {s.near
                  ? t('networks.analysis.near', {
                      postcode: s.near.postcode ?? '',
                      km: s.near.radiusKm,
                    })
                  : t('networks.analysis.nowhere')}
              </p>
              {s.items.length === 0 ? (
                <p className="empty">{t('networks.analysis.noSuggestions')}</p>
              ) : (
                <ul className="networks-suggestions">
                  {s.items.map((item) => (
                    <li key={item.id} className="networks-suggestion">
                      <h3 className="networks-minor-title">
                        <Link href={`/vinden/${item.id}`} className="link">
                          {item.name}
                        </Link>
                      </h3>
                      <p className="muted">
                        {[
                          t(`directory.vocab.type.${item.type}`, { defaultValue: item.type }),
                          item.location
                            ? [item.location.name, item.location.address].filter(Boolean).join(', ')
                            : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </p>
                      <ul className="networks-reasons">
                        {item.reasons.map((r, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: reasons are few and never reorder
                          <li key={i}>{r.text}</li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Loaded>
      </section>
    </div>
  );
}

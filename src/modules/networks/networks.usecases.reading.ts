import type { NetworkMapDocument } from '../../contracts/networks.ts';
import type { AnalysisView, CompareView, MapSource } from '../../contracts/networks-api.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { analyseNetwork } from './networks.analysis.ts';
import { describeChange, describeFinding, diffNetworkMaps } from './networks.diff.ts';
import { presentSource } from './networks.presenters.ts';
import { clientForNetwork, loadMap, type NetworkRequest } from './networks.usecases.ts';

/** A translate function of the shape the pure sentence builders take. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export function translate(locale: Locale): Translate {
  const t = translator(locale);
  return (key, vars) => t(key, vars ?? {}) as string;
}

/** Member ids to the names the worker typed, for sentences about members. */
export const memberNames = (doc: NetworkMapDocument): Record<string, string> =>
  Object.fromEntries(doc.ecogram.members.map((m) => [m.id, m.label]));

/**
 * What changed between a snapshot and a later snapshot or the current map, as
 * plain sentences in the reader's language ("2 new contacts: …"). Audited.
 */
export async function compareMaps(
  input: NetworkRequest & { from: string; to: MapSource; locale: Locale },
): Promise<CompareView> {
  const client = await clientForNetwork(input, 'read', 'networks.maps_compared');
  const [from, to] = await Promise.all([
    loadMap(input.ctx, client, input.from),
    loadMap(input.ctx, client, input.to),
  ]);
  const t = translate(input.locale);
  return {
    from: presentSource(from),
    to: presentSource(to),
    changes: diffNetworkMaps(from.document, to.document).map((change) => ({
      kind: change.kind,
      text: describeChange(change, t),
    })),
  };
}

/** Size, sectors, who gives which support, who is overloaded, and findings as sentences. Audited. */
export async function analyseMap(
  input: NetworkRequest & { source: MapSource; locale: Locale },
): Promise<AnalysisView> {
  const client = await clientForNetwork(input, 'read', 'networks.analysis_read');
  const map = await loadMap(input.ctx, client, input.source);
  const analysis = analyseNetwork(map.document);
  const t = translate(input.locale);
  const names = memberNames(map.document);
  const { reciprocity } = analysis;
  return {
    source: presentSource(map),
    size: analysis.size,
    informal: analysis.informal,
    formal: analysis.formal,
    sectorsUsed: analysis.sectorsUsed,
    emptySectors: analysis.emptySectors,
    supportSources: analysis.supportSources,
    reciprocity: {
      mutual: reciprocity.mutual.length,
      receivingOnly: reciprocity.receivingOnly.length,
      givingOnly: reciprocity.givingOnly.length,
      none: reciprocity.none.length,
    },
    concentration: analysis.concentration,
    overloaded: analysis.overloaded,
    heavy: analysis.heavy,
    strained: analysis.strained,
    wishes: analysis.wishes,
    findings: analysis.findings.map((f) => ({
      kind: f.kind,
      severity: f.severity,
      memberIds: f.memberIds ?? [],
      text: describeFinding(f, t, names),
    })),
  };
}

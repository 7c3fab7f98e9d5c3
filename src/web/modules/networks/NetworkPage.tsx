import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useParams } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import { AnalysisTab } from './AnalysisTab.tsx';
import { ConflictView } from './ConflictView.tsx';
import { EcogramEditor } from './EcogramEditor.tsx';
import { GenogramEditor } from './GenogramEditor.tsx';
import { type ClientDetail, networkPaths } from './networkApi.ts';
import { PrintTab } from './PrintTab.tsx';
import { SaveBar } from './SaveBar.tsx';
import { SnapshotsTab } from './SnapshotsTab.tsx';
import { StrengthsEditor } from './StrengthsEditor.tsx';
import { useLeaveWarning, useNetworkMap } from './useNetworkMap.ts';
import './network-page.css';
import './genogram.css';

const TABS = ['ecogram', 'genogram', 'strengths', 'snapshots', 'analysis', 'print'] as const;
type TabId = (typeof TABS)[number];

/** The person's name as the worker knows them. */
export function clientName(client: ClientDetail | undefined): string {
  if (!client) return '';
  return [client.givenName, client.familyName].filter(Boolean).join(' ');
}

/**
 * A client's network map: one working copy of the ecogram, genogram and strengths, saved
 * together; snapshots over time, the analysis with suggestions, and the print.
 */
export function NetworkPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const client = useResource<ClientDetail>(networkPaths(id).client);
  const map = useNetworkMap(id);
  const [tab, setTab] = useState<TabId>('ecogram');
  useLeaveWarning(map.dirty, t('networks.page.leaveWarning'));

  const name = clientName(client.data);
  const title = name ? t('networks.page.title', { name }) : t('networks.page.titlePlain');
  const { draft, saved } = map;
  const ready = draft !== null && saved !== null && client.data !== undefined;
  const genogramProblems = new Map<string, string[]>();
  for (const [key, codes] of map.problems.byItem)
    if (key.startsWith('genogram.people:')) genogramProblems.set(key.slice('genogram.people:'.length), codes);

  return (
    <div className="networks-page" data-network-ready={ready ? '' : undefined}>
      <Page title={title} wide>
        {client.error ? <LoadError error={client.error} onRetry={client.reload} /> : null}
        {map.loadError ? <LoadError error={map.loadError} onRetry={map.reload} /> : null}
        {!ready ? (
          map.loadError || client.error ? null : (
            <Loading />
          )
        ) : (
          <>
            <SaveBar map={map} />
            {map.conflict ? <ConflictView map={map} clientLabel={client.data?.givenName ?? name} /> : null}
            <Tabs
              selectedKey={tab}
              onSelectionChange={(key) => setTab(key as TabId)}
              className="networks-tabs"
            >
              <TabList aria-label={t('networks.page.tabsLabel')} className="networks-tablist">
                {TABS.map((key) => (
                  <Tab key={key} id={key} className="networks-tab">
                    {t(`networks.page.tabs.${key}`)}
                  </Tab>
                ))}
              </TabList>
              <TabPanel id="ecogram" className="networks-panel">
                <EcogramEditor
                  value={draft.ecogram}
                  onChange={(ecogram) => map.setDraft((d) => d && { ...d, ecogram })}
                  clientLabel={client.data?.givenName ?? name}
                />
              </TabPanel>
              <TabPanel id="genogram" className="networks-panel">
                <GenogramEditor
                  value={draft.genogram}
                  onChange={(genogram) => map.setDraft((d) => d && { ...d, genogram })}
                  problems={genogramProblems}
                />
              </TabPanel>
              <TabPanel id="strengths" className="networks-panel">
                <StrengthsEditor
                  value={draft.strengths}
                  onChange={(strengths) => map.setDraft((d) => d && { ...d, strengths })}
                />
              </TabPanel>
              <TabPanel id="snapshots" className="networks-panel">
                <SnapshotsTab
                  clientId={id}
                  dirty={map.dirty}
                  savedVersion={saved.version}
                  clientLabel={client.data?.givenName ?? name}
                />
              </TabPanel>
              <TabPanel id="analysis" className="networks-panel">
                <AnalysisTab
                  clientId={id}
                  dirty={map.dirty}
                  savedVersion={saved.version}
                  document={saved.document}
                />
              </TabPanel>
              <TabPanel id="print" className="networks-panel">
                <PrintTab clientId={id} name={name} document={draft} dirty={map.dirty} />
              </TabPanel>
            </Tabs>
          </>
        )}
      </Page>
    </div>
  );
}

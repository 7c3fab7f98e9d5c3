import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { Page } from '../../components/Page.tsx';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import { ChangeTab } from './ChangeTab.tsx';
import { DirectoryTab } from './DirectoryTab.tsx';
import { Downloads } from './Downloads.tsx';
import { FiltersBar } from './FiltersBar.tsx';
import { recentMonths } from './query.ts';
import { ReachTab } from './ReachTab.tsx';
import type { DirectoryHealthView, Filters } from './types.ts';
import { WhatWorksTab } from './WhatWorksTab.tsx';
import './insights.css';

const TABS = ['reach', 'change', 'what-works', 'directory-health'] as const;
type TabId = (typeof TABS)[number];

function initialFilters(): Filters {
  const months = recentMonths();
  return { municipality: '', from: months[11] ?? '', to: months[0] ?? '', instrument: '', period: 'year' };
}

/** The coordinators' dashboards: reach, change, what works and the social map's health, with downloads. */
export function InsightsPage() {
  const t = useT();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [tab, setTab] = useState<TabId>('reach');
  // Directory counts are not about people and cheap: the unfiltered answer names this person's municipalities.
  const mine = useResource<DirectoryHealthView>('/api/insights/directory-health');
  const municipalities = mine.data?.scope.municipalities ?? [];
  return (
    <Page title={t('insights.title')} intro={<p>{t('insights.intro')}</p>} wide>
      <FiltersBar filters={filters} onChange={setFilters} municipalities={municipalities} />
      <Tabs selectedKey={tab} onSelectionChange={(key) => setTab(key as TabId)} className="insights-tabs">
        <TabList aria-label={t('insights.tabsLabel')} className="insights-tablist">
          {TABS.map((key) => (
            <Tab key={key} id={key} className="insights-tab">
              {t(`insights.tabs.${key}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="reach" className="insights-panel">
          <ReachTab filters={filters} />
        </TabPanel>
        <TabPanel id="change" className="insights-panel">
          <ChangeTab filters={filters} />
        </TabPanel>
        <TabPanel id="what-works" className="insights-panel">
          <WhatWorksTab filters={filters} />
        </TabPanel>
        <TabPanel id="directory-health" className="insights-panel">
          <DirectoryTab filters={filters} />
        </TabPanel>
      </Tabs>
      <Downloads filters={filters} view={tab} municipalities={municipalities} />
    </Page>
  );
}

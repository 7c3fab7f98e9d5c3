import { useMemo } from 'react';
import { Button } from 'react-aria-components';
import type { NetworkMapDocument } from '../../../contracts/networks.ts';
import { layoutGenogram } from '../../../modules/networks/networks.layout.ts';
import { useT } from '../../i18n.ts';
import { EcogramEditor } from './EcogramEditor.tsx';
import { GenogramDrawing } from './GenogramDrawing.tsx';
import { GenogramLegend } from './GenogramLegend.tsx';
import { networkPaths } from './networkApi.ts';
import { StrengthsEditor } from './StrengthsEditor.tsx';

const noProblems = new Set<string>();

/**
 * The map for the kitchen table and the file: the server's SVG and PDF to download, and this
 * page's own print (the print stylesheet keeps only the drawings, the legend and the strengths).
 */
export function PrintTab({
  clientId,
  name,
  document,
  dirty,
}: {
  clientId: string;
  name: string;
  document: NetworkMapDocument;
  dirty: boolean;
}) {
  const t = useT();
  const paths = networkPaths(clientId);
  const layout = useMemo(() => layoutGenogram(document.genogram), [document.genogram]);
  const file = name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'netwerk';
  return (
    <div className="networks-stack">
      <section className="card networks-no-print" aria-labelledby="print-downloads-title">
        <h2 id="print-downloads-title" className="networks-subtitle">
          {t('networks.print.downloadsTitle')}
        </h2>
        {dirty ? <p className="alert alert-info">{t('networks.print.savedOnly')}</p> : null}
        <ul className="networks-downloads">
          <li>
            <a className="button button-secondary" href={paths.pdf()} download={`${file}-netwerk.pdf`}>
              {t('networks.print.pdf')}
            </a>
          </li>
          <li>
            <a className="button button-secondary" href={paths.ecogramSvg()} download={`${file}-ecogram.svg`}>
              {t('networks.print.ecogramSvg')}
            </a>
          </li>
          <li>
            <a
              className="button button-secondary"
              href={paths.genogramSvg()}
              download={`${file}-genogram.svg`}
            >
              {t('networks.print.genogramSvg')}
            </a>
          </li>
        </ul>
        <p className="field-description">{t('networks.print.printHint')}</p>
        <Button className="button button-primary" onPress={() => window.print()}>
          {t('networks.print.printPage')}
        </Button>
      </section>
      <div className="networks-print-view">
        <p className="networks-print-heading">{t('networks.print.heading', { name })}</p>
        <section className="networks-print-sheet" aria-labelledby="print-ecogram-title">
          <h2 id="print-ecogram-title" className="networks-subtitle">
            {t('networks.page.tabs.ecogram')}
          </h2>
          <EcogramEditor value={document.ecogram} onChange={() => undefined} readOnly clientLabel={name} />
        </section>
        <section className="networks-print-sheet" aria-labelledby="print-genogram-title">
          <h2 id="print-genogram-title" className="networks-subtitle">
            {t('networks.page.tabs.genogram')}
          </h2>
          {document.genogram.people.length === 0 ? (
            <p className="empty">{t('networks.genogram.empty')}</p>
          ) : (
            <div className="genogram-scroll">
              <GenogramDrawing
                genogram={document.genogram}
                layout={layout}
                label={t('networks.genogram.drawingLabel')}
                householdLabel={t('networks.genogram.household')}
                describe={(p) => p.label}
                selectedId={null}
                flagged={noProblems}
              />
            </div>
          )}
          <GenogramLegend />
        </section>
        <section className="networks-print-sheet" aria-labelledby="print-strengths-title">
          <h2 id="print-strengths-title" className="networks-subtitle">
            {t('networks.page.tabs.strengths')}
          </h2>
          <StrengthsEditor value={document.strengths} onChange={() => undefined} readOnly />
        </section>
      </div>
    </div>
  );
}

import { type ReactNode, useId } from 'react';
import { Heading } from 'react-aria-components';
import { useT } from '../../i18n.ts';
import { zigzagPath } from './ecogramGeometry.ts';

/** What the shapes and lines mean; every meaning is told by a shape or a pattern, never by colour alone. */
export function EcogramLegend({ clientLabel }: { clientLabel: string }) {
  const t = useT();
  const k = 'networks.ecogram.legend';
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const titleId = `${uid}-legend`;
  const sample = (content: ReactNode) => (
    <svg
      className="eco-legend-sample"
      viewBox="0 0 48 24"
      width="48"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      {content}
    </svg>
  );
  return (
    <section className="eco-legend" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {t(`${k}.title`)}
      </Heading>
      <p>{t(`${k}.rings`, { client: clientLabel })}</p>
      <ul className="eco-legend-list">
        <li>
          {sample(<circle className="eco-node eco-node-informal" cx="24" cy="12" r="8" />)}
          {t(`${k}.informal`)}
        </li>
        <li>
          {sample(<rect className="eco-node eco-node-formal" x="16" y="4" width="16" height="16" rx="2" />)}
          {t(`${k}.formal`)}
        </li>
        <li>
          {sample(<path className="eco-tie eco-tie-strong" d="M2,12 L46,12" />)}
          {t(`${k}.strong`)}
        </li>
        <li>
          {sample(<path className="eco-tie eco-tie-weak" d="M2,12 L46,12" />)}
          {t(`${k}.weak`)}
        </li>
        <li>
          {sample(
            <path
              className="eco-tie eco-tie-stressful"
              d={zigzagPath({ x: 2, y: 12 }, { x: 46, y: 12 }, 4, 8)}
            />,
          )}
          {t(`${k}.stressful`)}
        </li>
        <li>
          {sample(
            <>
              <path className="eco-tie eco-tie-weak-solid" d="M2,12 L38,12" />
              <path className="eco-legend-arrow" d="M36,6 L46,12 L36,18 Z" />
            </>,
          )}
          {t(`${k}.arrow`)}
        </li>
      </ul>
    </section>
  );
}

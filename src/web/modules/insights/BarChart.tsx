import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n.ts';
import { formatNumber } from './format.ts';
import type { Cell } from './types.ts';

// Only what a bar chart needs, drawn as SVG: no canvas, no <style> element, no tooltip (its HTML
// carries inline style attributes, which the CSP refuses; the table below has every number).
echarts.use([Bars, GridComponent, LegendComponent, SVGRenderer]);

const COLOURS = ['#1e5e58', '#a8461f', '#1f4470', '#2f6b3a', '#857a6f'];
const MUTED = '#5e564e';

export interface Series {
  name: string;
  cells: Cell[];
}

interface Props {
  categories: string[];
  series: Series[];
  /** Bars from the left, one line per category: for long names (initiative types). */
  horizontal?: boolean;
  digits?: number;
}

/**
 * Bars for the figures of a table shown beside it. A hidden figure is never a bar: it gets no bar
 * and a visible mark where the bar would start ("verborgen", or a dash where space is short).
 */
export function BarChart({ categories, series, horizontal = false, digits = 0 }: Props) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const hiddenMark = horizontal ? t('insights.hidden') : '–';
  // The callers build new arrays on every render; redraw only when the figures change.
  const figures = JSON.stringify({ categories, series, horizontal, digits, hiddenMark });

  // biome-ignore lint/correctness/useExhaustiveDependencies: figures stands for everything drawn
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: 'svg' });
    const data = (cells: Cell[]) =>
      cells.map((cell) =>
        cell.suppressed
          ? {
              value: 0,
              itemStyle: { color: 'transparent' },
              label: {
                show: true,
                formatter: hiddenMark,
                position: horizontal ? 'right' : 'top',
                color: MUTED,
                fontStyle: 'italic' as const,
              },
            }
          : { value: cell.value ?? '-' },
      );
    // Rebuilt for the width: a phone gets narrower names and fewer value marks.
    const option = (width: number) => {
      const narrow = width < 520;
      const valueAxis = {
        type: 'value' as const,
        splitNumber: narrow ? 2 : 5,
        axisLabel: { color: MUTED, formatter: (v: number) => formatNumber(v, digits) },
        minInterval: digits === 0 ? 1 : undefined,
      };
      const categoryAxis = {
        type: 'category' as const,
        data: categories,
        inverse: horizontal,
        axisLabel: {
          color: '#26221f',
          width: horizontal ? (narrow ? 90 : 150) : undefined,
          overflow: 'break' as const,
        },
      };
      return {
        animation: false,
        color: COLOURS,
        textStyle: { fontFamily: getComputedStyle(element).fontFamily, fontSize: 13 },
        legend: series.length > 1 ? { bottom: 0, textStyle: { color: '#26221f' } } : undefined,
        grid: { left: 8, right: 72, top: 24, bottom: series.length > 1 ? 40 : 8, containLabel: true },
        xAxis: horizontal ? valueAxis : categoryAxis,
        yAxis: horizontal ? categoryAxis : valueAxis,
        series: series.map((s) => ({
          type: 'bar',
          name: s.name,
          data: data(s.cells),
          barMaxWidth: 28,
          label: {
            show: true,
            position: horizontal ? 'right' : 'top',
            color: '#26221f',
            // A row of zero labels under a month chart is noise; the table has them.
            formatter: (p: { value: unknown }) =>
              typeof p.value === 'number' && (horizontal || p.value !== 0)
                ? formatNumber(p.value, digits)
                : '',
          },
        })),
      };
    };
    chart.setOption(option(element.clientWidth));
    const observer = new ResizeObserver(() => {
      chart.setOption(option(element.clientWidth));
      chart.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [figures]);

  const height = horizontal ? Math.max(160, categories.length * series.length * 34 + 60) : 300;
  // The table beside it carries the same numbers for screen readers; the drawing adds nothing to read.
  return <div ref={box} className="insights-chart" aria-hidden="true" style={{ height }} />;
}

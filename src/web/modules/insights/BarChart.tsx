import { BarChart as Bars, CustomChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n.ts';
import { formatNumber } from './format.ts';
import { drawableInterval, type Interval, intervalSeries } from './intervals.ts';
import type { Cell } from './types.ts';

// Only what a bar chart needs, drawn as SVG: no canvas, no <style> element, no tooltip (its HTML
// carries inline style attributes, which the CSP refuses; the table below has every number). The
// custom series draws the intervals as plain lines.
echarts.use([Bars, CustomChart, GridComponent, LegendComponent, SVGRenderer]);

const COLOURS = ['#1e5e58', '#a8461f', '#1f4470', '#2f6b3a', '#857a6f'];
const MUTED = '#5e564e';

export interface Series {
  name: string;
  cells: Cell[];
  /** A 95% interval per cell, drawn as an error bar; one series only (the bars are then centred). */
  intervals?: (Interval | undefined)[];
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
 * and a visible mark where the bar would start ("verborgen", or a dash where space is short), and
 * no interval. A bar with an interval has its value written past the interval (see intervals.ts).
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
    const fontFamily = getComputedStyle(element).fontFamily;
    const data = (s: Series) =>
      s.cells.map((cell, i) =>
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
          : drawableInterval(s.intervals?.[i], cell)
            ? { value: cell.value ?? '-', label: { show: false } }
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
          // Wide enough on a phone for a long one-word name ("Ontmoetingsplek") not to break mid-word.
          width: horizontal ? (narrow ? 104 : 150) : undefined,
          fontSize: narrow ? 12 : 13,
          lineHeight: narrow ? 15 : 17,
          overflow: 'break' as const,
        },
      };
      return {
        animation: false,
        color: COLOURS,
        textStyle: { fontFamily, fontSize: 13 },
        legend:
          series.length > 1
            ? { bottom: 0, data: series.map((s) => s.name), textStyle: { color: '#26221f' } }
            : undefined,
        grid: {
          left: 8,
          right: narrow ? 64 : 72,
          top: 24,
          bottom: series.length > 1 ? 40 : 8,
          containLabel: true,
        },
        xAxis: horizontal ? valueAxis : categoryAxis,
        yAxis: horizontal ? categoryAxis : valueAxis,
        series: [
          ...series.map((s) => ({
            type: 'bar' as const,
            name: s.name,
            data: data(s),
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
          ...series.flatMap((s) =>
            s.intervals
              ? [
                  intervalSeries({
                    name: `${s.name} (95%)`,
                    means: s.cells,
                    intervals: s.intervals,
                    horizontal,
                    fontFamily,
                    label: (v) => formatNumber(v, digits),
                  }),
                ]
              : [],
          ),
        ],
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

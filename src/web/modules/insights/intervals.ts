import type { CustomSeriesOption, CustomSeriesRenderItemAPI, CustomSeriesRenderItemReturn } from 'echarts';
import type { Cell } from './types.ts';

// Error bars for the 95% interval of a mean, as an ECharts custom series: plain SVG lines and text
// drawn by zrender (no tooltip, no inline style attributes; see docs/adr/0013-charts.md).

/** The 95% interval around one bar's mean, hidden with it. */
export interface Interval {
  low: Cell;
  high: Cell;
}

const INK = '#26221f';
const HALO = 'rgba(255, 255, 255, 0.85)';

/** The ends of an interval that may be drawn: both shown and known. A hidden one draws nothing. */
export function drawableInterval(
  interval: Interval | undefined,
  mean: Cell | undefined,
): [number, number] | null {
  if (!interval || !mean || mean.suppressed || mean.value === null) return null;
  const { low, high } = interval;
  if (low.suppressed || high.suppressed || low.value === null || high.value === null) return null;
  return [low.value, high.value];
}

/**
 * A line from the low to the high end of each interval, with a short cap at both ends, and the
 * mean written past the interval's high end or zero, whichever is further on: never on the line,
 * and in one column with the "hidden" marks (which stand just past zero).
 */
export function intervalSeries(input: {
  name: string;
  means: Cell[];
  intervals: (Interval | undefined)[];
  horizontal: boolean;
  fontFamily: string;
  label: (value: number) => string;
}): CustomSeriesOption {
  const { horizontal } = input;
  const data = input.means.flatMap((mean, index) => {
    const ends = drawableInterval(input.intervals[index], mean);
    return ends && mean.value !== null ? [[index, ends[0], ends[1], mean.value]] : [];
  });
  const renderItem = (_: unknown, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
    const [index, low, high, mean] = [0, 1, 2, 3].map((d) => Number(api.value(d))) as [
      number,
      number,
      number,
      number,
    ];
    const at = (v: number) => api.coord(horizontal ? [v, index] : [index, v]) as [number, number];
    const [a, b] = [at(low), at(high)];
    const band = (api.size?.(horizontal ? [0, 1] : [1, 0]) as number[] | undefined) ?? [0, 0];
    const cap = Math.max(4, Math.min(8, (horizontal ? (band[1] ?? 0) : (band[0] ?? 0)) * 0.2));
    // Each line twice: a light halo under the ink, so the part over a dark bar stays visible.
    const strokes = [
      { stroke: HALO, lineWidth: 4.5 },
      { stroke: INK, lineWidth: 1.5 },
    ];
    const line = (x1: number, y1: number, x2: number, y2: number) =>
      strokes.map((style) => ({ type: 'line' as const, shape: { x1, y1, x2, y2 }, style }));
    const capAt = ([x, y]: [number, number]) =>
      horizontal ? line(x, y - cap, x, y + cap) : line(x - cap, y, x + cap, y);
    const [x, y] = at(Math.max(high, 0));
    const gap = 6;
    return {
      type: 'group',
      children: [
        // All halos first, then all ink: a cap's halo must not cut the line.
        ...[...line(a[0], a[1], b[0], b[1]), ...capAt(a), ...capAt(b)].sort(
          (p, q) => q.style.lineWidth - p.style.lineWidth,
        ),
        {
          type: 'text',
          x: horizontal ? x + gap : x,
          y: horizontal ? y : y - gap,
          style: {
            text: input.label(mean),
            fill: INK,
            fontSize: 13,
            fontFamily: input.fontFamily,
            align: horizontal ? 'left' : 'center',
            verticalAlign: horizontal ? 'middle' : 'bottom',
          },
        },
      ],
    };
  };
  return {
    type: 'custom',
    name: input.name,
    silent: true,
    z: 3,
    // Both ends count for the value axis, so the interval always fits the chart.
    encode: horizontal ? { x: [1, 2], y: 0 } : { x: 0, y: [1, 2] },
    data,
    renderItem,
  };
}

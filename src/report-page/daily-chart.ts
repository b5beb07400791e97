/**
 * An item's daily Yes and No as an SVG chart, drawn by Lit templates: Yes rises above the line, No falls
 * below it, one pair of bars per UTC day. No chart library: this is a few dozen lines, adds nothing to load,
 * needs no inline style (the colours are classes of the page's stylesheet), and the same numbers are in the
 * table beside it, which is what a screen reader reads.
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { DailyCounts } from '../server/report/report-types.js';

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 44;
const RIGHT = 8;
const TOP = 16;
const BOTTOM = 28;
const MIDDLE = TOP + (HEIGHT - TOP - BOTTOM) / 2;
const HALF = (HEIGHT - TOP - BOTTOM) / 2;

/** The chart's size, for the `<svg>` element's `viewBox`. */
export const CHART_VIEW_BOX = `0 0 ${WIDTH} ${HEIGHT}`;

/** A one-sentence summary of the chart, its accessible name beside the table of the same numbers. */
export function chartSummary(days: readonly DailyCounts[]): string {
  const yes = days.reduce((sum, day) => sum + day.yes, 0);
  const no = days.reduce((sum, day) => sum + day.no, 0);
  const span = days.length === 0 ? 'no days' : `${days[0]!.day} to ${days[days.length - 1]!.day}`;
  return `Daily Yes and No votes, ${span}: ${yes} Yes and ${no} No in all.`;
}

/** The chart's content (axis, labels and bars), to be placed in an `<svg viewBox=CHART_VIEW_BOX>`. */
export function dailyChart(days: readonly DailyCounts[]): SVGTemplateResult {
  const largest = Math.max(1, ...days.map((day) => Math.max(day.yes, day.no)));
  const step = (WIDTH - LEFT - RIGHT) / Math.max(1, days.length);
  const barWidth = Math.max(0.5, step * 0.8);
  const height = (count: number) => (count / largest) * HALF;
  const first = days[0]?.day ?? '';
  const last = days[days.length - 1]?.day ?? '';
  return svg`
    <text class="label" x=${LEFT - 6} y=${TOP + 4} text-anchor="end">${largest}</text>
    <text class="label" x=${LEFT - 6} y=${MIDDLE + 4} text-anchor="end">0</text>
    <text class="label" x=${LEFT - 6} y=${HEIGHT - BOTTOM + 4} text-anchor="end">${largest}</text>
    <text class="label yes-label" x=${LEFT + 4} y=${TOP + 4}>Yes ↑</text>
    <text class="label no-label" x=${LEFT + 4} y=${HEIGHT - BOTTOM + 4}>No ↓</text>
    ${days.map((day, index) => {
      const x = LEFT + index * step + (step - barWidth) / 2;
      return svg`<rect class="yes" x=${x} y=${MIDDLE - height(day.yes)} width=${barWidth} height=${height(day.yes)}></rect>
        <rect class="no" x=${x} y=${MIDDLE} width=${barWidth} height=${height(day.no)}></rect>`;
    })}
    <line class="axis" x1=${LEFT} x2=${WIDTH - RIGHT} y1=${MIDDLE} y2=${MIDDLE}></line>
    <text class="label" x=${LEFT} y=${HEIGHT - 6}>${first}</text>
    <text class="label" x=${WIDTH - RIGHT} y=${HEIGHT - 6} text-anchor="end">${last}</text>
  `;
}

// One chart of weighted engagement rates over time: x = a post's publication (the
// browser's zone, labelled), one series per window. Colours come from the custom
// properties of engagement.css (3:1 against the background, light and dark), and the
// series differ by dash and marker too. Beside it, the same numbers as a captioned
// table: visually hidden (screen readers read it) until "Show as a table" shows it.
import { useEffect, useId, useRef, useState } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { Post } from "../../api/posts";
import { Link, TimeInZone } from "../../components";
import { engagementWindows, formatRate, windowLabels, type EngagementWindow, type RatePoint } from "../../lib/engagement";
import { browserZone } from "../../lib/time";
import { excerpt } from "../posts/post-parts";

const dashes: Record<EngagementWindow, number[] | undefined> = { immediate: undefined, daily: [8, 5], weekly: [2, 4] };
// Marker sizes; daily and weekly are hollow (filled with the background), weekly bigger.
const markers: Record<EngagementWindow, { size: number; hollow: boolean }> = {
  immediate: { size: 8, hollow: false },
  daily: { size: 9, hollow: true },
  weekly: { size: 11, hollow: true },
};
const height = 260;
const _ = null;
// The x axis's tick labels on the 24-hour clock (uPlot's own table, en-GB style): tick
// increment, label, then the label where the year, month, day… changes; the browser's zone.
const timeLabels: (string | number | null)[][] = [
  [3600 * 24 * 365, "{YYYY}", _, _, _, _, _, _, 1],
  [3600 * 24 * 28, "{MMM}", "\n{YYYY}", _, _, _, _, _, 1],
  [3600 * 24, "{D} {MMM}", "\n{YYYY}", _, _, _, _, _, 1],
  [3600, "{HH}:{mm}", "\n{D} {MMM} {YYYY}", _, "\n{D} {MMM}", _, _, _, 1],
  [60, "{HH}:{mm}", "\n{D} {MMM} {YYYY}", _, "\n{D} {MMM}", _, _, _, 1],
  [1, ":{ss}", "\n{D} {MMM} {YYYY} {HH}:{mm}", _, "\n{D} {MMM} {HH}:{mm}", _, "\n{HH}:{mm}", _, 1],
];

// Some room either side of the posts; an hour either side of a single one (uPlot would
// widen a single point to years).
function timeRange(u: uPlot, min: number | null, max: number | null): uPlot.Range.MinMax {
  if (min === null || max === null) return [min, max];
  const xs = u.data[0];
  if (xs.length === 1 || max - min < 60) {
    const x = xs[0] ?? min;
    return [x - 3600, x + 3600];
  }
  const pad = (max - min) * 0.05;
  return [min - pad, max + pad];
}

// Bumps when the colour scheme changes, so charts redraw with the other colours.
function useColourScheme(): boolean {
  const query = "(prefers-color-scheme: dark)";
  const [dark, setDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const change = () => setDark(m.matches);
    m.addEventListener("change", change);
    return () => m.removeEventListener("change", change);
  }, []);
  return dark;
}

export function RateChart(props: { title: string; points: RatePoint[]; posts: Map<string, Post> }) {
  const ref = useRef<HTMLDivElement>(null);
  const dark = useColourScheme();
  const [tableShown, setTableShown] = useState(false);
  const tableId = useId();
  const zone = browserZone();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const css = getComputedStyle(el);
    const colour = (name: string) => css.getPropertyValue(name).trim();
    const axis = colour("--chart-axis");
    const grid = { stroke: colour("--chart-grid"), width: 1 };
    const background = colour("--surface");
    const data: uPlot.AlignedData = [
      props.points.map((p) => p.x),
      ...engagementWindows.map((w) => props.points.map((p) => p.rates[w])),
    ];
    const chart = new uPlot(
      {
        width: Math.max(el.clientWidth, 200),
        height,
        legend: { show: false },
        scales: { x: { time: true, range: timeRange }, y: { range: (_u, _min, max) => [0, Math.max(Math.ceil((max || 0) * 1.15), 1)] } },
        axes: [
          { label: `Published (${zone})`, stroke: axis, grid, ticks: grid, values: timeLabels as uPlot.Axis.Values, space: 60 },
          { label: "Weighted rate (%)", stroke: axis, grid, ticks: grid, size: 56 },
        ],
        series: [
          {},
          ...engagementWindows.map((w) => ({
            label: windowLabels[w].name,
            stroke: colour(`--chart-${w}`),
            width: 2,
            dash: dashes[w],
            spanGaps: true,
            points: {
              show: true,
              size: markers[w].size,
              width: 2,
              stroke: colour(`--chart-${w}`),
              fill: markers[w].hollow ? background : colour(`--chart-${w}`),
            },
          })),
        ],
      },
      data,
      el,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(el.clientWidth, 200), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [props.points, dark, zone]);

  return (
    <figure class="rate-chart">
      <ul class="chart-legend" aria-hidden="true">
        {engagementWindows.map((w) => (
          <li key={w}>
            <svg width="36" height="12" viewBox="0 0 36 12" class={`legend-${w}`}>
              <line x1="1" y1="6" x2="35" y2="6" stroke-dasharray={dashes[w]?.join(" ")} />
              <circle cx="18" cy="6" r={markers[w].size / 2 - 1} class={markers[w].hollow ? "hollow" : "filled"} />
            </svg>
            {windowLabels[w].name}
          </li>
        ))}
      </ul>
      {/* The picture; the table below says the same to screen readers. */}
      <div ref={ref} class="chart-canvas" aria-hidden="true" />
      <button type="button" class="link-button" aria-expanded={tableShown} aria-controls={tableId} onClick={() => setTableShown(!tableShown)}>
        {tableShown ? "Hide the table" : "Show as a table"}
      </button>
      <div id={tableId} class={tableShown ? "chart-table" : "chart-table visually-hidden"}>
        <table>
          <caption>{props.title}: weighted engagement rate by window</caption>
          <thead>
            <tr>
              <th scope="col">Published ({zone})</th>
              <th scope="col">Post</th>
              {engagementWindows.map((w) => (
                <th key={w} scope="col" class="num">
                  {windowLabels[w].name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.points.map((p) => {
              const post = props.posts.get(p.postId);
              return (
                <tr key={p.postId}>
                  <td>
                    <TimeInZone at={p.publishedAt} zone={zone} />
                  </td>
                  <td>
                    {post ? (
                      <Link href={`/posts/${post.id}`} tabIndex={tableShown ? undefined : -1}>
                        {excerpt(post, 40)}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  {engagementWindows.map((w) => (
                    <td key={w} class="num">
                      {formatRate(p.rates[w])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

// Events per day, stacked by type, as an SVG bar chart drawn here (no chart library).
import { el, svg, clear } from "./dom.js";
import { fetchJson } from "./app.js";
import { typeColor } from "./colors.js";

const container = document.getElementById("timeline");

export async function showTimeline(filters) {
  const query = new URLSearchParams(filters);
  query.set("limit", "10000");
  const answer = await fetchJson("api/events?" + query.toString());
  const perDay = new Map();
  const types = new Set();
  let undated = 0;
  for (const e of answer.events) {
    // Only values naming a day (2022-05-13) are placed; a month or week would smear across the axis.
    if (!e.date || !/^\d{4}-\d{2}-\d{2}$/.test(e.date.slice(0, 10)) || e.date.length > 10) {
      undated++;
      continue;
    }
    types.add(e.type);
    const counts = perDay.get(e.date) || new Map();
    counts.set(e.type, (counts.get(e.type) || 0) + 1);
    perDay.set(e.date, counts);
  }
  clear(container);
  if (perDay.size === 0) {
    container.append(el("p", {}, "No event dated to a day matches these filters."));
    return;
  }

  const days = [...perDay.keys()].sort();
  const first = Date.parse(days[0] + "T00:00:00Z");
  const last = Date.parse(days[days.length - 1] + "T00:00:00Z");
  const span = Math.round((last - first) / 86400000) + 1;
  const max = Math.max(...[...perDay.values()].map((c) => [...c.values()].reduce((a, b) => a + b, 0)));
  const width = 960, height = 300, left = 40, bottom = 30, top = 10;
  const barWidth = Math.max(1, (width - left - 10) / span);
  const y = (n) => top + (height - top - bottom) * (1 - n / max);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline", role: "img", "aria-label": "events per day by type" });
  chart.append(svg("line", { x1: left, y1: y(0), x2: width - 10, y2: y(0), stroke: "#555" }));
  for (const n of [0, Math.ceil(max / 2), max]) {
    chart.append(svg("text", { x: left - 6, y: y(n) + 4, "text-anchor": "end", class: "axis" }, n));
  }
  for (const day of days) {
    const index = Math.round((Date.parse(day + "T00:00:00Z") - first) / 86400000);
    const x = left + index * barWidth;
    let base = 0;
    for (const type of [...types].sort()) {
      const n = perDay.get(day).get(type) || 0;
      if (!n) continue;
      chart.append(svg("rect", { x, y: y(base + n), width: Math.max(1, barWidth - 1), height: y(base) - y(base + n), fill: typeColor(type) },
        svg("title", {}, `${day}: ${n} ${type}`)));
      base += n;
    }
  }
  chart.append(svg("text", { x: left, y: height - 8, class: "axis" }, days[0]));
  chart.append(svg("text", { x: width - 10, y: height - 8, "text-anchor": "end", class: "axis" }, days[days.length - 1]));
  container.append(chart);
  container.append(el("p", { class: "legend" }, [...types].sort().map((type) =>
    el("span", { class: "swatch-label" }, svg("svg", { width: 12, height: 12 }, svg("rect", { width: 12, height: 12, fill: typeColor(type) })), " ", type, " "))));
  container.append(el("p", { class: "hint" }, `${answer.events.length} events; ${undated} without a day left out.`));
}

// Events on an equirectangular world map: x from longitude, y from latitude, over the embedded basemap.
import { el, svg, clear, articleHref } from "./dom.js";
import { fetchJson } from "./app.js";
import { typeColor } from "./colors.js";

const width = 1000, height = 500;
const container = document.getElementById("map");
const detail = document.getElementById("map-detail");
let world = null;

const project = ([lon, lat]) => [((lon + 180) / 360) * width, ((90 - lat) / 180) * height];

// A ring that crosses the antimeridian (Russia's far east, Fiji) jumps from one edge to the other: a new subpath
// starts there instead of a line drawn across the whole map.
function countryPath(rings) {
  return rings.map((ring) => ring.map((point, i) => {
    const jump = i > 0 && Math.abs(point[0] - ring[i - 1][0]) > 180;
    return (i === 0 || jump ? "M" : "L") + project(point).map((v) => v.toFixed(1)).join(",");
  }).join("") + "Z").join("");
}

export async function showMap(filters) {
  world = world || await fetchJson("world.json");
  const query = new URLSearchParams(filters);
  query.set("limit", "10000");
  query.set("format", "geojson");
  const collection = await fetchJson("api/events?" + query.toString());
  clear(container);
  clear(detail).append(el("p", { class: "hint" }, `${collection.features.length} events on the map, ${collection.events_without_coordinates} without coordinates.`));
  const map = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "world", role: "img", "aria-label": "map of events" });
  map.append(svg("rect", { width, height, class: "sea" }));
  for (const country of world.countries) {
    map.append(svg("path", { d: countryPath(country.rings), class: "country" }, svg("title", {}, country.name)));
  }
  for (const feature of collection.features) {
    const [x, y] = project(feature.geometry.coordinates);
    const e = feature.properties;
    const point = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 4, fill: typeColor(e.type), class: "event-point", tabindex: 0 },
      svg("title", {}, `${e.type} ${e.place_name || ""} ${e.date || ""}`));
    point.addEventListener("click", () => showDetail(e));
    point.addEventListener("keydown", (key) => { if (key.key === "Enter") showDetail(e); });
    map.append(point);
  }
  container.append(map);
}

function showDetail(e) {
  clear(detail).append(
    el("h3", {}, `${e.type}${e.mode ? ` (${e.mode})` : ""}`),
    el("dl", {},
      el("dt", {}, "Date"), el("dd", {}, e.date || "unknown"),
      el("dt", {}, "Place"), el("dd", {}, [e.place_name, e.admin1, e.country].filter(Boolean).join(", ")),
      el("dt", {}, "Actors"), el("dd", {}, e.actors.map((a) => a.text).join("; ") || "—"),
      el("dt", {}, "Recipients"), el("dd", {}, e.recipients.map((a) => a.text).join("; ") || "—"),
      el("dt", {}, "Dead"), el("dd", {}, e.dead === null ? "—" : e.dead),
      el("dt", {}, "Modality"), el("dd", {}, e.modality)),
    el("blockquote", {}, e.sentence_text || e.trigger),
    el("a", { href: articleHref(e.article_id) + "?event=" + encodeURIComponent(e.event_id) }, e.article_title || e.article_id));
}

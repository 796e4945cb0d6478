// The page's entry: reads the filters, switches views by the URL's hash (#events, #timeline, #map,
// #article/ID, #paste) and hands each view the events API's query string.
import { showEvents } from "./events.js";
import { showTimeline } from "./timeline.js";
import { showMap } from "./map.js";
import { showArticle, showPastedArticle } from "./article.js";

const filterNames = ["type", "country", "actor", "place", "near", "radius", "since", "until", "text", "modality"];
const form = document.getElementById("filters");
const status = document.getElementById("status");

export function setStatus(text) {
  status.textContent = text;
}

// Problem details (RFC 7807) become one readable line: the title, then each parameter's complaint.
export async function fetchJson(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const errors = body && body.errors ? Object.entries(body.errors).map(([name, messages]) => `${name}: ${messages.join(" ")}`) : [];
    throw new Error([body && body.title ? body.title : `HTTP ${response.status}`, body && body.detail, ...errors].filter(Boolean).join(" — "));
  }
  return body;
}

export function filterQuery() {
  const query = new URLSearchParams();
  const data = new FormData(form);
  for (const name of filterNames) {
    const value = String(data.get(name) || "").trim();
    if (value) query.set(name, value);
  }
  return query;
}

function updateExportLinks() {
  for (const format of ["csv", "jsonl", "geojson"]) {
    const query = filterQuery();
    query.set("format", format);
    query.set("limit", "10000");
    document.getElementById("export-" + format).setAttribute("href", "api/events?" + query.toString());
  }
}

async function route() {
  const [hash, search] = (location.hash.replace(/^#/, "") || "events").split("?");
  const [view, ...rest] = hash.split("/");
  for (const section of document.querySelectorAll(".view")) {
    section.hidden = section.id !== "view-" + view;
  }
  for (const link of document.querySelectorAll("nav a")) {
    link.classList.toggle("active", link.dataset.view === view);
  }
  form.hidden = !["events", "timeline", "map"].includes(view);
  updateExportLinks();
  try {
    setStatus("Loading…");
    if (view === "events") await showEvents(filterQuery());
    else if (view === "timeline") await showTimeline(filterQuery());
    else if (view === "map") await showMap(filterQuery());
    else if (view === "article") await showArticle(rest.map(decodeURIComponent).join("/"), new URLSearchParams(search).get("event"));
    setStatus("");
  } catch (error) {
    setStatus(error.message);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  route();
});
form.addEventListener("reset", () => setTimeout(route, 0));

document.getElementById("paste-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  const query = new URLSearchParams();
  for (const name of ["published", "lang"]) {
    if (data.get(name)) query.set(name, data.get(name));
  }
  try {
    setStatus("Extracting…");
    const document_ = await fetchJson("api/extract?" + query.toString(), {
      method: "POST",
      headers: { "Content-Type": data.get("html") ? "text/html" : "text/plain" },
      body: String(data.get("text")),
    });
    location.hash = "#paste-result";
    showPastedArticle(document_);
    setStatus("Extracted, not stored.");
  } catch (error) {
    setStatus(error.message);
  }
});

window.addEventListener("hashchange", () => {
  if (location.hash !== "#paste-result") route();
});
route();

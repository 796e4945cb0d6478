// The events table: server-side paging and date or dead ordering; the other columns sort the page shown.
import { el, clear, articleHref } from "./dom.js";
import { fetchJson } from "./app.js";

const pageSize = 50;
const state = { offset: 0, sort: "date", localSort: null, localDescending: false, filters: "" };
const table = document.getElementById("events-table");
const body = table.querySelector("tbody");

const columns = {
  date: (e) => e.date || "",
  type: (e) => e.type,
  actors: (e) => e.actors.map((a) => a.text).join("; "),
  recipients: (e) => e.recipients.map((a) => a.text).join("; "),
  place: (e) => e.place_name || e.location || "",
  country: (e) => e.country || "",
  dead: (e) => e.dead,
  modality: (e) => e.modality,
  article: (e) => e.article_title || e.article_id,
};

export async function showEvents(filters) {
  const key = filters.toString();
  if (key !== state.filters) {
    state.filters = key;
    state.offset = 0;
  }
  const query = new URLSearchParams(filters);
  query.set("limit", String(pageSize));
  query.set("offset", String(state.offset));
  query.set("sort", state.sort);
  const answer = await fetchJson("api/events?" + query.toString());
  let events = answer.events;
  if (state.localSort) {
    const value = columns[state.localSort];
    events = [...events].sort((a, b) => compare(value(a), value(b)) * (state.localDescending ? -1 : 1));
  }
  clear(body);
  for (const e of events) body.append(row(e));
  if (events.length === 0) body.append(el("tr", {}, el("td", { colspan: 9, class: "empty" }, "No event matches these filters.")));
  document.getElementById("page").textContent =
    events.length ? `events ${state.offset + 1}–${state.offset + events.length}` : "";
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = events.length < pageSize;
  for (const th of table.querySelectorAll("th")) {
    const name = th.dataset.sort;
    const server = (name === "date" && (state.sort === "date" || state.sort === "-date")) || (name === "dead" && state.sort === "dead");
    const sorted = state.localSort ? state.localSort === name : server;
    const descending = state.localSort ? state.localDescending : state.sort !== "date";
    if (sorted) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    else th.removeAttribute("aria-sort");
  }
}

function row(e) {
  const participants = (list) => list.map((a) => a.text + (a.country || a.sector ? ` (${[a.country, a.sector].filter(Boolean).join("/")})` : "")).join("; ");
  return el("tr", {},
    el("td", {}, e.date || "—"),
    el("td", { title: [e.acled_event_type, e.acled_sub_event_type].filter(Boolean).join(" / ") }, e.type + (e.mode ? ` (${e.mode})` : "")),
    el("td", {}, participants(e.actors)),
    el("td", {}, participants(e.recipients)),
    el("td", {}, e.place_name || e.location || ""),
    el("td", {}, e.country || ""),
    el("td", { class: "number" }, e.dead === null ? "" : e.dead),
    el("td", {}, e.modality),
    el("td", {}, el("a", { href: articleHref(e.article_id) + "?event=" + encodeURIComponent(e.event_id) }, e.article_title || e.article_id)));
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === "") return 1;
  if (b === null || b === "") return -1;
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

async function rerun() {
  const { filterQuery } = await import("./app.js");
  await showEvents(filterQuery());
}

for (const th of table.querySelectorAll("th")) {
  th.addEventListener("click", () => {
    const name = th.dataset.sort;
    if (name === "date") {
      state.localSort = null;
      state.sort = state.sort === "date" ? "-date" : "date";
      state.offset = 0;
    } else if (name === "dead") {
      state.localSort = null;
      state.sort = "dead";
      state.offset = 0;
    } else {
      state.localDescending = state.localSort === name ? !state.localDescending : false;
      state.localSort = name;
    }
    rerun();
  });
}

document.getElementById("prev").addEventListener("click", () => {
  state.offset = Math.max(0, state.offset - pageSize);
  rerun();
});
document.getElementById("next").addEventListener("click", () => {
  state.offset += pageSize;
  rerun();
});

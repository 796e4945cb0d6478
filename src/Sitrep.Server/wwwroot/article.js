// The article view: the normalised text of a sitrep/1 document with its entities, places, times, quotes and
// event triggers highlighted from their offsets, and one card per event beside it.
//
// sitrep/1 offsets are UTF-16 code units into the document's "text" (CONTRACT.md), which is exactly how a
// JavaScript string is indexed: text.slice(start, end) is the span, no conversion, even past an emoji.
import { el, clear, articlePath } from "./dom.js";
import { fetchJson } from "./app.js";

const title = document.getElementById("article-title");
const meta = document.getElementById("article-meta");
const textBox = document.getElementById("article-text");
const panel = document.getElementById("article-events");

export async function showArticle(id, eventId) {
  const document_ = await fetchJson(articlePath(id));
  render(document_, eventId);
}

export function showPastedArticle(document_) {
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== "view-article";
  document.getElementById("filters").hidden = true;
  render(document_, null);
}

function render(doc, eventId) {
  const a = doc.article;
  title.textContent = a.title || a.id;
  meta.textContent = [a.source, a.published, a.language, a.url].filter(Boolean).join(" · ");
  clear(textBox).append(...highlightedText(doc));
  clear(panel);
  panel.append(el("h3", {}, `${doc.events.length} events`));
  for (const e of doc.events) panel.append(eventCard(doc, e));
  if (eventId) select(eventId);
}

// Every span as [start, end, class, label, event id]: entity mentions, place mentions, times, quote contents, triggers.
function spans(doc) {
  const list = [];
  for (const entity of doc.entities) {
    for (const m of entity.mentions) list.push([m.start, m.end, "hl-entity hl-" + entity.type.toLowerCase(), `${entity.type} ${entity.name}`]);
  }
  for (const place of doc.places || []) {
    for (const m of place.mentions) list.push([m.start, m.end, "hl-place", `place ${place.name}${place.country ? ", " + place.country : ""}`]);
  }
  for (const time of doc.times || []) list.push([time.start, time.end, "hl-time", `${time.type} ${time.value || ""}`]);
  for (const quote of doc.quotes || []) list.push([quote.content.start, quote.content.end, "hl-quote", `${quote.kind} quote`]);
  for (const e of doc.events || []) list.push([e.trigger.start, e.trigger.end, "hl-event", `event ${e.id} ${e.type}`, e.id]);
  return list.filter(([start, end]) => Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= doc.text.length && start < end);
}

// Spans nest and overlap (an entity inside a quote), so the text is cut at every span boundary and each piece
// gets the classes of all spans covering it: one sweep over the sorted boundaries.
function highlightedText(doc) {
  const text = doc.text;
  const all = spans(doc);
  const boundaries = [...new Set([0, text.length, ...all.flatMap(([s, e]) => [s, e])])].sort((x, y) => x - y);
  const starts = new Map(), ends = new Map();
  all.forEach((span, i) => {
    (starts.get(span[0]) || starts.set(span[0], []).get(span[0])).push(i);
    (ends.get(span[1]) || ends.set(span[1], []).get(span[1])).push(i);
  });
  const active = new Set();
  const nodes = [];
  for (let b = 0; b < boundaries.length - 1; b++) {
    const from = boundaries[b], to = boundaries[b + 1];
    for (const i of ends.get(from) || []) active.delete(i);
    for (const i of starts.get(from) || []) active.add(i);
    const piece = text.slice(from, to);
    if (active.size === 0) {
      nodes.push(document.createTextNode(piece));
      continue;
    }
    const covering = [...active].map((i) => all[i]);
    const span = el("span", {
      class: [...new Set(covering.flatMap((s) => s[2].split(" ")))].join(" "),
      title: covering.map((s) => s[3]).join("\n"),
    }, piece);
    const eventIds = covering.filter((s) => s[4]).map((s) => s[4]);
    if (eventIds.length) {
      span.dataset.event = eventIds[0];
      span.addEventListener("click", () => select(eventIds[0]));
    }
    nodes.push(span);
  }
  return nodes;
}

function eventCard(doc, e) {
  const entityName = (id) => (doc.entities.find((x) => x.id === id) || {}).name;
  const place = e.location && e.location.place ? (doc.places || []).find((p) => p.id === e.location.place) : null;
  const sentence = doc.sentences[e.sentence];
  const participant = (p) => el("li", {}, p.text, p.entity && entityName(p.entity) && entityName(p.entity) !== p.text ? ` → ${entityName(p.entity)}` : "",
    p.country || p.sector ? ` (${[p.country, p.sector].filter(Boolean).join("/")})` : "");
  const casualty = (c) => (c ? `${c.best ?? "?"} (${c.low ?? "?"}–${c.high ?? "?"}) “${c.text}”` : "—");
  const card = el("section", { class: "event-card", "data-event": e.id },
    el("h4", {}, `${e.id} · ${e.type}${e.mode ? ` (${e.mode})` : ""}`),
    e.acled ? el("p", { class: "meta" }, `ACLED: ${e.acled.event_type} / ${e.acled.sub_event_type}`) : null,
    el("dl", {},
      el("dt", {}, "Trigger"), el("dd", {}, e.trigger.text),
      el("dt", {}, "Actors"), el("dd", {}, e.actors.length ? el("ul", {}, e.actors.map(participant)) : "—"),
      el("dt", {}, "Recipients"), el("dd", {}, e.recipients.length ? el("ul", {}, e.recipients.map(participant)) : "—"),
      el("dt", {}, "Place"), el("dd", {}, e.location ? [e.location.text, place ? ` → ${place.name}, ${place.country || ""} (${place.lat}, ${place.lon})` : ""].join("") : "—"),
      el("dt", {}, "Date"), el("dd", {}, e.date ? `${e.date.value || "?"} (${e.date.precision})` : "—"),
      el("dt", {}, "Dead"), el("dd", {}, casualty(e.dead)),
      el("dt", {}, "Injured"), el("dd", {}, casualty(e.injured)),
      el("dt", {}, "Modality"), el("dd", {}, e.modality),
      el("dt", {}, "Reporter"), el("dd", {}, e.reporter ? e.reporter.text : "—"),
      el("dt", {}, "Confidence"), el("dd", {}, e.confidence)),
    sentence ? el("blockquote", {}, doc.text.slice(sentence.start, sentence.end)) : null);
  card.addEventListener("click", () => select(e.id));
  return card;
}

function select(eventId) {
  for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
  const card = panel.querySelector(`[data-event="${CSS.escape(eventId)}"]`);
  const triggers = textBox.querySelectorAll(`[data-event="${CSS.escape(eventId)}"]`);
  if (card) card.classList.add("selected");
  for (const t of triggers) t.classList.add("selected");
  if (triggers[0]) triggers[0].scrollIntoView({ block: "center" });
}

// One colour per PLOVER event type, the same in the timeline and on the map.
const palette = ["#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
const assigned = new Map();

export function typeColor(type) {
  if (!assigned.has(type)) assigned.set(type, palette[assigned.size % palette.length]);
  return assigned.get(type);
}

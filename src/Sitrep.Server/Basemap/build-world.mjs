// Rebuilds ../wwwroot/world.json, the page's offline basemap, from the world-atlas package (Natural Earth 1:110m
// admin-0 countries as TopoJSON): `npm ci && node build-world.mjs` in this folder. Each country becomes its name and
// its polygon rings as [lon, lat] pairs rounded to 0.01 degree, which is all an equirectangular SVG map needs.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const topology = JSON.parse(readFileSync(new URL("node_modules/world-atlas/countries-110m.json", import.meta.url)));
const countries = feature(topology, topology.objects.countries).features;
const round = (x) => Math.round(x * 100) / 100;
const out = {
  source: "world-atlas 2.0.2 countries-110m.json (Natural Earth 1:110m admin 0, public domain; world-atlas ISC licence)",
  countries: countries.map((c) => {
    const polygons = c.geometry == null ? [] : c.geometry.type === "Polygon" ? [c.geometry.coordinates] : c.geometry.coordinates;
    return { name: c.properties.name, rings: polygons.flat().map((ring) => ring.map(([lon, lat]) => [round(lon), round(lat)])) };
  }),
};
writeFileSync(new URL("../wwwroot/world.json", import.meta.url), JSON.stringify(out));
console.log(`${out.countries.length} countries written`);

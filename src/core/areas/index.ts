/**
 * Knowing an English area when a sheet names one: a local authority with children's services
 * (by name as any publisher writes it, by its three-digit number, or by any nine-character code it
 * has had), a region, or England. Used to read tables whose rows are areas (a growth table by
 * borough, a workforce table by council) as areas rather than as indicators or agencies.
 */
import type { Area } from "../model/model";
import { normaliseAreaName } from "../opendata/area-names";
import { LOCAL_AUTHORITIES, REGIONS } from "./england";

export { LOCAL_AUTHORITIES, REGIONS, type LocalAuthorityEntry } from "./england";

const byKey = new Map<string, Area>();
for (const la of LOCAL_AUTHORITIES) {
  const area: Area = { code: la.codes[la.codes.length - 1] ?? null, name: la.name, level: "local authority", oldCode: la.oldCode };
  for (const key of [normaliseAreaName(la.name), la.oldCode, ...la.codes.map((c) => c.toLowerCase())]) if (!byKey.has(key)) byKey.set(key, area);
}
for (const r of REGIONS) {
  const area: Area = { code: r.code || null, name: r.name, level: "regional" };
  byKey.set(normaliseAreaName(r.name), area);
  if (r.code) byKey.set(r.code.toLowerCase(), area);
}
for (const name of ["England", "All England", "England total"]) byKey.set(normaliseAreaName(name), { code: "E92000001", name: "England", level: "national" });
byKey.set("e92000001", { code: "E92000001", name: "England", level: "national" });

/** The area a cell's text names, or null. Written names are matched loosely; codes exactly. */
export function findArea(text: string): Area | null {
  const t = text.trim();
  if (t === "") return null;
  if (/^\d{3}$/.test(t) || /^E\d{8}$/i.test(t)) return byKey.get(t.toLowerCase()) ?? null;
  return byKey.get(normaliseAreaName(t)) ?? null;
}

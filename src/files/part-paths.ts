/**
 * Workbooks whose parts sit at unusual paths inside the zip. The Open Packaging Conventions let a
 * workbook live anywhere (`book/main.xml`, `wtf/workbook.xml`) as long as `_rels/.rels` and the
 * relationship files link its parts; Excel and LibreOffice follow the links. ExcelJS instead looks
 * for parts by their usual names (`xl/workbook.xml`, `xl/worksheets/sheet1.xml`), so such a file
 * is moved, in memory, to the usual names before ExcelJS sees it: the workbook and every part it
 * reaches through relationships get the names Excel itself would give them, and the relationship
 * targets and content types follow. The file on disk is never touched.
 */
import JSZip from "jszip";
import { findElements } from "./zip-xml";

const OFFICE_DOCUMENT = /\/relationships\/officeDocument$/;

interface Relationship {
  id: string;
  type: string;
  /** The part's zip path, resolved; null for an external target (a web address). */
  path: string | null;
  /** The attributes as written, to write back with the new target. */
  raw: Record<string, string>;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${baseOf(part)}.rels`;
}

/** A relationship target resolved against the part that holds it ("../x.xml" from "a/b/c.xml" is "a/x.xml"). */
function resolve(from: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : dirOf(from) + target).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

/** The target to write in `from`'s relationships for a part at `to`: relative, as Excel writes it. */
function relative(from: string, to: string): string {
  const a = dirOf(from).split("/").filter(Boolean);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

async function relationshipsOf(zip: JSZip, part: string): Promise<Relationship[]> {
  const rels = zip.file(relsPathOf(part));
  if (!rels) return [];
  return findElements(await rels.async("string"), "Relationship").map((r) => ({
    id: r.attrs["Id"] ?? "",
    type: r.attrs["Type"] ?? "",
    path: r.attrs["TargetMode"] === "External" ? null : resolve(part, r.attrs["Target"] ?? ""),
    raw: r.attrs,
  }));
}

/** Where Excel would put a part of this relationship type, numbering parts of one kind from 1. */
function usualName(type: string, path: string, counts: Map<string, number>): string {
  const kind = type.slice(type.lastIndexOf("/") + 1);
  const next = (folder: string, stem: string, ext = ".xml"): string => {
    const n = (counts.get(folder + stem) ?? 0) + 1;
    counts.set(folder + stem, n);
    return `${folder}${stem}${n}${ext}`;
  };
  const ext = path.slice(path.lastIndexOf(".")) || ".xml";
  switch (kind) {
    case "worksheet":
      return next("xl/worksheets/", "sheet");
    case "chartsheet":
      return next("xl/chartsheets/", "sheet");
    case "sharedStrings":
      return "xl/sharedStrings.xml";
    case "styles":
      return "xl/styles.xml";
    case "theme":
      return next("xl/theme/", "theme");
    case "drawing":
      return next("xl/drawings/", "drawing");
    case "vmlDrawing":
      return next("xl/drawings/", "vmlDrawing", ext);
    case "chart":
      return next("xl/charts/", "chart");
    case "comments":
      return next("xl/", "comments");
    case "table":
      return next("xl/tables/", "table");
    case "image":
      return next("xl/media/", "image", ext);
    default:
      return next("xl/parts/", baseOf(path).replace(/\.[^.]*$/, "").replace(/\d+$/, "") || "part", ext);
  }
}

function relsXml(rels: Relationship[], from: string, moved: Map<string, string>): string {
  const items = rels.map((r) => {
    const attrs = { ...r.raw };
    if (r.path !== null) attrs["Target"] = relative(from, moved.get(r.path) ?? r.path);
    const text = Object.entries(attrs).map(([k, v]) => `${k}="${v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}"`).join(" ");
    return `<Relationship ${text}/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
}

/**
 * The workbook's zip with its parts at the usual names, or null when they already are there or
 * the package names no workbook part that exists.
 */
export async function moveToUsualPaths(zip: JSZip): Promise<JSZip | null> {
  if (zip.file("xl/workbook.xml")) return null;
  const root = await relationshipsOf(zip, "");
  const office = root.find((r) => OFFICE_DOCUMENT.test(r.type) && r.path !== null);
  if (!office?.path || !zip.file(office.path) || !office.path.endsWith(".xml")) return null;

  // Every part the workbook reaches, breadth first, with the relationships that reach it.
  const moved = new Map<string, string>([[office.path, "xl/workbook.xml"]]);
  const relsOf = new Map<string, Relationship[]>();
  const counts = new Map<string, number>();
  const queue = [office.path];
  while (queue.length) {
    const part = queue.shift()!;
    const rels = await relationshipsOf(zip, part);
    relsOf.set(part, rels);
    for (const r of rels) {
      if (r.path === null || moved.has(r.path) || !zip.file(r.path)) continue;
      moved.set(r.path, usualName(r.type, r.path, counts));
      queue.push(r.path);
    }
  }

  const out = new JSZip();
  const relsFiles = new Set([...relsOf.keys()].map(relsPathOf));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || moved.has(entry.name) || relsFiles.has(entry.name) || entry.name === "_rels/.rels" || entry.name === "[Content_Types].xml") continue;
    out.file(entry.name, await entry.async("uint8array"));
  }
  for (const [from, to] of moved) out.file(to, await zip.file(from)!.async("uint8array"));
  for (const [part, rels] of relsOf) if (rels.length) out.file(relsPathOf(moved.get(part)!), relsXml(rels, moved.get(part)!, moved));
  out.file("_rels/.rels", relsXml(root, "", moved));
  const types = zip.file("[Content_Types].xml");
  if (types) {
    let xml = await types.async("string");
    for (const [from, to] of moved) xml = xml.split(`PartName="/${from}"`).join(`PartName="/${to}"`);
    out.file("[Content_Types].xml", xml);
  }
  return out;
}

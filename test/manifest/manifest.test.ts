/**
 * The add-in manifest, checked offline: its structure, its URLs, its icons and its resource ids.
 * Microsoft's own online check is `npm run validate`.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const xml = fs.readFileSync(MANIFEST_PATH, "utf8");

/** A parsed element: attributes under "@_name", children by tag name, text under "#text". */
type Node = { [key: string]: unknown };

// Elements that may repeat are always arrays, so the checks do not depend on how many there are.
const REPEATABLE = new Set([
  "Host",
  "Set",
  "bt:Image",
  "bt:Url",
  "bt:String",
  "Control",
  "Group",
  "ExtensionPoint",
  "AppDomain",
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  isArray: (name) => REPEATABLE.has(name),
});
const doc = parser.parse(xml) as Node;

function child(node: unknown, name: string): Node {
  const value = (node as Node | undefined)?.[name];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`expected one <${name}>`);
  }
  return value as Node;
}

function children(node: unknown, name: string): Node[] {
  const value = (node as Node | undefined)?.[name];
  return Array.isArray(value) ? (value as Node[]) : [];
}

function text(node: unknown, name: string): string {
  const value = (node as Node | undefined)?.[name];
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (typeof value === "object" && value !== null && "#text" in value) return String((value as Node)["#text"]);
  throw new Error(`expected text in <${name}>`);
}

function attr(node: Node, name: string): string {
  const value = node[`@_${name}`];
  if (value === undefined) throw new Error(`expected attribute ${name}`);
  return String(value);
}

/** Every value in the document, attributes and text, with the path that leads to it. */
function allValues(node: unknown, at = ""): { at: string; value: string }[] {
  if (typeof node === "string" || typeof node === "number") return [{ at, value: String(node) }];
  if (Array.isArray(node)) return node.flatMap((n, i) => allValues(n, `${at}[${i}]`));
  if (typeof node === "object" && node !== null) {
    return Object.entries(node).flatMap(([k, v]) => allValues(v, `${at}/${k}`));
  }
  return [];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The assets/ file a https://localhost:3000/assets/... URL serves. */
function assetFile(url: string): string {
  const { pathname } = new URL(url);
  expect(pathname.startsWith("/assets/")).toBe(true);
  return path.join(ROOT, pathname);
}

const app = child(doc, "OfficeApp");
const overrides = child(app, "VersionOverrides");
const resources = child(overrides, "Resources");

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("is a task-pane add-in with a fresh GUID, its own name and provider", () => {
    expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
    expect(attr(app, "xmlns")).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(text(app, "Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    // The template's GUID, reused by many samples: Office would confuse the two add-ins.
    expect(text(app, "Id")).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143");
    expect(text(app, "Version")).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(text(app, "ProviderName")).toBe("Safeguarding Scorecard project");
    expect(attr(child(app, "DisplayName"), "DefaultValue")).toBe("Safeguarding Partnership Scorecard");
    expect(attr(child(app, "Description"), "DefaultValue").length).toBeGreaterThan(20);
  });

  it("keeps the base elements in the order the schema requires", () => {
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    const present = order.filter((name) => xml.includes(`<${name}`));
    const positions = present.map((name) => xml.search(new RegExp(`<${name}[\\s>/]`)));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("runs in Excel workbooks only, with ReadWriteDocument permission", () => {
    expect(children(child(app, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(text(app, "Permissions")).toBe("ReadWriteDocument");
  });

  it("asks for ExcelApi 1.13, the adapter's floor (getMergedAreasOrNullObject)", () => {
    const sets = children(child(child(app, "Requirements"), "Sets"), "Set");
    expect(sets.map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toEqual([["ExcelApi", "1.13"]]);
  });

  it("loads the task pane over https", () => {
    const source = attr(child(child(app, "DefaultSettings"), "SourceLocation"), "DefaultValue");
    expect(source).toBe("https://localhost:3000/taskpane.html");
  });

  it("uses https for every URL", () => {
    const urls = allValues(doc).filter(({ at, value }) => /^[a-z]+:\/\//i.test(value) && !at.includes("@_xmlns"));
    expect(urls.length).toBeGreaterThan(5);
    for (const { at, value } of urls) {
      expect({ at, value, https: value.startsWith("https://") }).toEqual({ at, value, https: true });
    }
  });

  it("has no template leftovers", () => {
    expect(xml).not.toMatch(/contoso|template to get started|Show Taskpane|Commands Group|ButtonId1/i);
  });

  it("adds a button to the Home tab that shows the task pane", () => {
    const desktop = child(children(child(overrides, "Hosts"), "Host")[0], "DesktopFormFactor");
    const points = children(desktop, "ExtensionPoint");
    expect(points.map((p) => attr(p, "xsi:type"))).toEqual(["PrimaryCommandSurface"]);
    const tab = child(points[0], "OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    const controls = children(tab, "Group").flatMap((g) => children(g, "Control"));
    expect(controls).toHaveLength(1);
    const button = controls[0] as Node;
    expect(attr(button, "xsi:type")).toBe("Button");
    const action = child(button, "Action");
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    const taskpaneUrl = children(child(resources, "bt:Urls"), "bt:Url").find(
      (u) => attr(u, "id") === attr(child(action, "SourceLocation"), "resid"),
    );
    expect(taskpaneUrl && attr(taskpaneUrl, "DefaultValue")).toBe("https://localhost:3000/taskpane.html");
  });

  it("defines every resource id it references, and references only defined kinds", () => {
    const defined = new Map<string, string>();
    for (const [kind, item] of [
      ["bt:Images", "bt:Image"],
      ["bt:Urls", "bt:Url"],
      ["bt:ShortStrings", "bt:String"],
      ["bt:LongStrings", "bt:String"],
    ] as const) {
      for (const node of children(child(resources, kind), item)) {
        const id = attr(node, "id");
        expect(defined.has(id)).toBe(false); // ids are unique across kinds
        defined.set(id, kind);
      }
    }
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1] as string);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect({ id, defined: defined.has(id) }).toEqual({ id, defined: true });
    // Long strings carry descriptions; labels and titles are short strings.
    const tooltips = [...xml.matchAll(/<Description resid="([^"]+)"/g)].map((m) => m[1] as string);
    for (const id of tooltips) expect(defined.get(id)).toBe("bt:LongStrings");
    // Short strings are at most 125 characters and long strings 250, as Office requires.
    for (const [kind, max] of [
      ["bt:ShortStrings", 125],
      ["bt:LongStrings", 250],
    ] as const) {
      for (const s of children(child(resources, kind), "bt:String")) {
        expect(attr(s, "DefaultValue").length).toBeLessThanOrEqual(max);
      }
    }
  });

  it("names icons that exist in assets/ at the sizes it claims", () => {
    const images = children(child(resources, "bt:Images"), "bt:Image");
    const sizeOfResid = new Map<string, number>();
    for (const node of [...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)]) {
      sizeOfResid.set(node[2] as string, Number(node[1]));
    }
    expect([...new Set(sizeOfResid.values())].sort((a, b) => a - b)).toEqual([16, 32, 80]);
    for (const image of images) {
      const size = sizeOfResid.get(attr(image, "id"));
      expect(size).toBeDefined();
      expect(pngSize(assetFile(attr(image, "DefaultValue")))).toEqual({ width: size, height: size });
    }
    expect(pngSize(assetFile(attr(child(app, "IconUrl"), "DefaultValue")))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFile(attr(child(app, "HighResolutionIconUrl"), "DefaultValue")))).toEqual({
      width: 64,
      height: 64,
    });
  });

  it("has every icon scripts/make-icons.js makes, committed in assets/", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});

/**
 * Raw XML of a workbook's parts: just enough to read attributes of a few elements that ExcelJS
 * drops or reshapes, and the relationship files that link a package's parts.
 */

export function xmlDecode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, ent: string) => {
    switch (ent) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(ent[1] === "x" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10));
    }
  });
}

/** Attributes of one start tag (`<cfRule type="expression" priority="1">`), decoded, without namespace prefixes. */
export function parseAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!.includes(":") && !m[1]!.startsWith("xmlns") ? m[1]!.slice(m[1]!.indexOf(":") + 1) : m[1]!;
    out[name] = xmlDecode(m[2] ?? m[3] ?? "");
  }
  return out;
}

/** An element's start-tag attributes and inner XML, for every occurrence of `name` (no prefix). */
export function findElements(xml: string, name: string): { attrs: Record<string, string>; inner: string }[] {
  const re = new RegExp(`<${name}\\b([^>]*?)(/>|>([\\s\\S]*?)</${name}>)`, "g");
  return [...xml.matchAll(re)].map((m) => ({ attrs: parseAttributes(m[1] ?? ""), inner: m[3] ?? "" }));
}


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

/** Text as an XML attribute value in double quotes. */
export function xmlEncodeAttribute(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A number format with each backslash-escaped character ("0.0\%", a literal percent sign) written
 * as the quoted literal it means ('0.0"%"'). ExcelJS drops every backslash when it reads a format,
 * which would turn a literal "%" into a percentage: 21.4 shown as "21.4%" would read as 2,140%.
 * A backslash in quoted text is itself: it is doubled, so that ExcelJS's unescaping gives it back.
 */
export function quoteEscapedLiterals(code: string): string {
  let out = "";
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "\\" && i + 1 < code.length && code[i + 1] !== '"') {
      out += `"${code[i + 1]}"`;
      i++;
    } else if (quoted && ch === "\\") out += "\\\\";
    else out += ch;
  }
  return out;
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


/**
 * A small CSV splitter written for the tests alone, so that what the product reads (src/files/csv.ts)
 * is checked against the file's own text, not against the product's reader. RFC 4180 records:
 * quoted fields may hold the delimiter, doubled quotes and line breaks; rows end at CRLF, LF or CR;
 * a leading byte-order mark is dropped. Used for fixture CSVs, the shared real-world CSVs and the
 * CSVs LibreOffice writes in the render tests.
 */
export function splitCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

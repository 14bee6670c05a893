/**
 * Area names as published files write them differently: "Bedford Borough" and "Bedford",
 * "Durham" and "County Durham", "Bristol, City of" and "Bristol", "Telford & Wrekin" and
 * "Telford and Wrekin", "St. Helens" and "St Helens", "Kingston Upon Hull, City of" and
 * "Kingston upon Hull". The normal form sets those differences aside so that the names compare
 * equal; it is used only after codes have failed to match, and the match is then reported.
 *
 * What is not set aside: "City of London" keeps its "City of" (it comes first there, and
 * "London" alone is a region), and words that tell two authorities apart are never dropped.
 */

export function normaliseAreaName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\bst\.?(?=\s)/g, "st")
    .replace(/\bsaint\b/g, "st")
    .replace(/,\s*(city|county) of\s*$/, "")
    .replace(/\(pre lg\)/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/^county (?=\S)/, "")
    .replace(/ (borough|borough council|council|city council|county council|metropolitan borough)$/, "")
    .replace(/^(the|royal borough of|london borough of) /, "")
    .trim()
    .replace(/\s+/g, " ");
}

/** Edit distance, for "did you mean": small strings only (area names). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

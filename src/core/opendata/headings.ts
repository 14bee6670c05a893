/**
 * What an open-data heading names. England's Department for Education publishes its statistics
 * with fixed column names for time and geography (its "open data standards"; the list the
 * Department's own data screener checks against is in dfe-analytical-services/dfe-published-data-qa,
 * R/knownVariables.r). Analysts' own exports vary the case and spacing ("Time Period",
 * "LA_Name") and sometimes use a plainer word ("Year", "Region"), so headings are compared in a
 * normal form: lower case, words joined by "_".
 */

/** "Time Period " -> "time_period"; "LA-Name" -> "la_name"; a byte-order mark is not part of it. */
export function headingKey(heading: string): string {
  return heading
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/%/g, " percent ")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** The heading as published: trimmed, without a byte-order mark. It is the indicator's name. */
export function publishedHeading(heading: string): string {
  return heading.replace(/^\uFEFF/, "").trim();
}

/**
 * The time columns, in the order they are preferred when a file has more than one. A heading
 * that names the kind of year ("academic_year") says how to read a bare "202425" below it when
 * there is no time_identifier column.
 */
export const TIME_HEADINGS: readonly { key: string; identifier: string | null }[] = [
  { key: "time_period", identifier: null },
  { key: "year", identifier: null },
  { key: "period", identifier: null },
  { key: "academic_year", identifier: "Academic year" },
  { key: "financial_year", identifier: "Financial year" },
  { key: "reporting_year", identifier: "Reporting year" },
  { key: "calendar_year", identifier: "Calendar year" },
  { key: "tax_year", identifier: "Tax year" },
];

export const TIME_IDENTIFIER_KEYS: ReadonlySet<string> = new Set(["time_identifier", "time_period_identifier", "period_type", "time_type"]);

export const LEVEL_KEYS: ReadonlySet<string> = new Set(["geographic_level", "geographical_level", "geography_level", "geog_level", "geographic_level_name"]);

/** Where a column's value goes in an area: its current code, its name, or the old three-digit code. */
export type GeographyField = "code" | "name" | "oldCode";

export interface GeographyLevel {
  /** As published in geographic_level ("Local authority"); compared in lower case. */
  level: string;
  /** From least to most specific; the reader takes the most specific level a row fills in. */
  rank: number;
  columns: Readonly<Record<string, GeographyField>>;
}

/**
 * The Department's geographic levels and their columns, with the near-standard spellings
 * analysts use. `la_code` and its like are read as the old or the new code by their values
 * (three digits or nine characters), see `laCodeField`.
 */
export const GEOGRAPHY: readonly GeographyLevel[] = [
  { level: "National", rank: 0, columns: { country_code: "code", country_name: "name", country: "name" } },
  { level: "Regional", rank: 1, columns: { region_code: "code", region_name: "name", region: "name", gor_code: "code", gor_name: "name" } },
  {
    level: "Local authority",
    rank: 2,
    columns: {
      new_la_code: "code",
      la_code_new: "code",
      la_name: "name",
      local_authority: "name",
      local_authority_name: "name",
      la: "name",
      old_la_code: "oldCode",
      la_number: "oldCode",
      la_num: "oldCode",
      la_no: "oldCode",
      old_code: "oldCode",
    },
  },
  { level: "Local authority district", rank: 3, columns: { lad_code: "code", lad_name: "name" } },
  { level: "Parliamentary constituency", rank: 3, columns: { pcon_code: "code", pcon_name: "name" } },
  { level: "Local skills improvement plan area", rank: 2, columns: { lsip_code: "code", lsip_name: "name" } },
  { level: "Local enterprise partnership", rank: 2, columns: { local_enterprise_partnership_code: "code", local_enterprise_partnership_name: "name" } },
  { level: "English devolved area", rank: 2, columns: { english_devolved_area_code: "code", english_devolved_area_name: "name" } },
  { level: "Mayoral combined authority", rank: 2, columns: { mayoral_combined_authority_code: "code", mayoral_combined_authority_name: "name", cauth_code: "code", cauth_name: "name" } },
  { level: "Opportunity area", rank: 3, columns: { opportunity_area_code: "code", opportunity_area_name: "name" } },
  { level: "Planning area", rank: 3, columns: { planning_area_code: "code", planning_area_name: "name" } },
  { level: "Police force area", rank: 2, columns: { pfa_code: "code", pfa_name: "name" } },
  { level: "RSC region", rank: 1, columns: { rsc_region_lead_name: "name" } },
  { level: "Ward", rank: 4, columns: { ward_code: "code", ward_name: "name" } },
  { level: "MAT", rank: 4, columns: { trust_id: "code", trust_name: "name" } },
  { level: "Sponsor", rank: 4, columns: { sponsor_id: "code", sponsor_name: "name" } },
  { level: "School", rank: 5, columns: { school_urn: "code", school_name: "name", school_laestab: "oldCode", school_estab: "oldCode" } },
  { level: "Provider", rank: 5, columns: { provider_ukprn: "code", provider_name: "name", provider_urn: "oldCode", provider_upin: "oldCode" } },
  { level: "Institution", rank: 5, columns: { institution_id: "code", institution_name: "name" } },
];

/** Headings that name a local authority code without saying which: the values decide. */
export const AMBIGUOUS_LA_CODE_KEYS: ReadonlySet<string> = new Set(["la_code", "lacode", "local_authority_code", "la_id"]);

/** The geography a heading names, or null. */
export function geographyOf(key: string): { level: GeographyLevel; field: GeographyField } | null {
  for (const level of GEOGRAPHY) {
    const field = level.columns[key];
    if (field) return { level, field };
  }
  return null;
}

/**
 * The standard names that, with a time column, mark a sheet as the Department's open data.
 * Plain words ("region", "la", "country") are accepted as geography once a sheet is recognised,
 * but do not recognise it alone: too many partnership sheets have a "Region" column.
 */
export const STANDARD_GEOGRAPHY_KEYS: ReadonlySet<string> = new Set(
  GEOGRAPHY.flatMap((g) => Object.keys(g.columns)).filter((k) => k.includes("_") && !["local_authority", "old_code"].includes(k)),
);

/**
 * Other columns that identify rather than measure (a postcode, an establishment number, any
 * "..._code" or "..._id"): never figures, whatever their values look like. They are kept as
 * breakdown values, since two rows that differ only in them are different figures.
 */
export function isIdentifierKey(key: string): boolean {
  return /(^|_)(code|id|urn|ukprn|upin|laestab|estab|postcode|number_code)$/.test(key) || /^(urn|ukprn|upin|laestab|estab|postcode|code|id)(_|$)/.test(key);
}

/**
 * Breakdowns that hold numbers (an age, a year group, a key stage): numbers there say which
 * children, not how many. Without this a column of ages would read as an indicator.
 */
export function isNumericBreakdownKey(key: string): boolean {
  return /^(age|age_years|age_at_[a-z_]+|child_age|pupil_age|year_group|nc_year|national_curriculum_year|key_stage|school_year)$/.test(key);
}

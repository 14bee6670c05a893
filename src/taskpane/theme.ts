import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** The three looks the pane has. */
export type ThemeName = "light" | "dark" | "contrast";

/** What Office tells us about its theme: the fields of Office.OfficeTheme we read, all optional because hosts differ. */
export interface OfficeThemeHint {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

export interface ThemeInputs {
  /** The page's query string, e.g. "?theme=dark". */
  search: string;
  /** Office.context.officeTheme, when Office.js is there and the host reports one. */
  officeTheme: OfficeThemeHint | null;
  /** The system is forcing colours (Windows high-contrast themes), from the forced-colors media query. */
  forcedColors: boolean;
  /** The system prefers a dark look, from the prefers-color-scheme media query. */
  prefersDark: boolean;
}

/** `?theme=dark|light|contrast`, so that browser tests and screenshots can pin a look. */
export function themeFromQuery(search: string): ThemeName | null {
  const value = new URLSearchParams(search).get("theme")?.trim().toLowerCase();
  if (value === "light" || value === "dark" || value === "contrast") return value;
  // "high-contrast" is what people tend to type; accept it rather than silently ignoring it.
  if (value === "high-contrast" || value === "highcontrast") return "contrast";
  return null;
}

/** Relative luminance of "#RRGGBB" (0 black .. 1 white), or null when the text is not such a colour. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? "0", 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark or light from Office's theme; null when Office says nothing usable. */
export function themeFromOffice(theme: OfficeThemeHint | null): "light" | "dark" | null {
  if (!theme) return null;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  // Older hosts have no isDarkTheme; the pane's background colour tells the same story.
  const l = theme.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : null;
  if (l === null) return null;
  return l < 0.2 ? "dark" : "light";
}

/**
 * The look to use. A forced theme in the URL wins; then a system high-contrast theme (Office has
 * no high-contrast flag of its own, and forced colours must be honoured whatever Office's theme
 * is); then Office's theme; then the system's light/dark preference, for a browser outside Office.
 */
export function chooseTheme(inputs: ThemeInputs): ThemeName {
  return (
    themeFromQuery(inputs.search) ??
    (inputs.forcedColors ? "contrast" : null) ??
    themeFromOffice(inputs.officeTheme) ??
    (inputs.prefersDark ? "dark" : "light")
  );
}

export function fluentTheme(name: ThemeName): Theme {
  switch (name) {
    case "dark":
      return webDarkTheme;
    case "contrast":
      return teamsHighContrastTheme;
    case "light":
      return webLightTheme;
  }
}

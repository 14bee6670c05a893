import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import {
  chooseTheme,
  fluentTheme,
  luminance,
  themeFromOffice,
  themeFromQuery,
  type ThemeInputs,
} from "../../src/taskpane/theme";

const none: ThemeInputs = { search: "", officeTheme: null, forcedColors: false, prefersDark: false };

describe("choosing the theme", () => {
  it("follows Office's dark and light themes", () => {
    expect(chooseTheme({ ...none, officeTheme: { isDarkTheme: true } })).toBe("dark");
    expect(chooseTheme({ ...none, officeTheme: { isDarkTheme: false }, prefersDark: true })).toBe("light");
  });

  it("reads the background colour when the host has no isDarkTheme", () => {
    expect(themeFromOffice({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "not a colour" })).toBeNull();
    expect(themeFromOffice({})).toBeNull();
  });

  it("uses high contrast whenever the system forces colours", () => {
    expect(chooseTheme({ ...none, forcedColors: true, officeTheme: { isDarkTheme: false } })).toBe("contrast");
  });

  it("falls back to the system preference outside Office", () => {
    expect(chooseTheme(none)).toBe("light");
    expect(chooseTheme({ ...none, prefersDark: true })).toBe("dark");
  });

  it("lets ?theme= force a theme, for browser tests", () => {
    expect(chooseTheme({ ...none, search: "?theme=dark", officeTheme: { isDarkTheme: false } })).toBe("dark");
    expect(chooseTheme({ ...none, search: "?_host_Info=Excel&theme=contrast" })).toBe("contrast");
    expect(chooseTheme({ ...none, search: "?theme=light", forcedColors: true })).toBe("light");
    expect(themeFromQuery("?theme=High-Contrast")).toBe("contrast");
    expect(themeFromQuery("?theme=purple")).toBeNull();
    expect(themeFromQuery("")).toBeNull();
  });

  it("maps each look to its Fluent theme", () => {
    expect(fluentTheme("light")).toBe(webLightTheme);
    expect(fluentTheme("dark")).toBe(webDarkTheme);
    expect(fluentTheme("contrast")).toBe(teamsHighContrastTheme);
  });

  it("computes luminance", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("#12345")).toBeNull();
  });
});

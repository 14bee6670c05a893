import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeGlobal, officeThemeOf, startOffice, type HostState } from "./office/host";
import { createExcelOperations } from "./office/excel-operations";
import { chooseTheme } from "./theme";

/**
 * Starts the pane: renders the shell at once, then again as Office reports in (ready in Excel,
 * somewhere else, or not answering within 10 seconds). Also re-renders when the system switches
 * between light, dark and high contrast.
 */
function main(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  const office = officeGlobal();
  const operations = createExcelOperations();
  const media = (query: string) => (typeof window.matchMedia === "function" ? window.matchMedia(query) : null);
  const forcedColors = media("(forced-colors: active)");
  const prefersDark = media("(prefers-color-scheme: dark)");

  let host: HostState = { kind: "starting" };
  const render = () => {
    const theme = chooseTheme({
      search: window.location.search,
      // Office's theme is only there once Office is ready.
      officeTheme: host.kind === "excel" ? officeThemeOf(office) : null,
      forcedColors: forcedColors?.matches ?? false,
      prefersDark: prefersDark?.matches ?? false,
    });
    root.render(
      <React.StrictMode>
        <App host={host} operations={host.kind === "excel" ? operations : null} theme={theme} />
      </React.StrictMode>,
    );
  };

  forcedColors?.addEventListener("change", render);
  prefersDark?.addEventListener("change", render);
  void startOffice(office, (state) => {
    host = state;
    render();
  });
}

main();

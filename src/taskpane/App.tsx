import * as React from "react";
import {
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  Subtitle1,
  makeStyles,
  tokens,
  type SelectTabData,
  type SelectTabEvent,
} from "@fluentui/react-components";
import type { HostState } from "./office/host";
import type { Operations } from "./operations";
import { fluentTheme, type ThemeName } from "./theme";
import { Status } from "./components/Status";
import { AnalystPanel } from "./panels/AnalystPanel";
import type { PanelProps } from "./panels/types";

// The Analyst tab is open when the pane starts; the other two panels, and the Fluent components
// only they use, load the first time their tab is chosen, which keeps them out of the JavaScript
// the pane needs before it can show anything.
const AgencyReturnPanel = React.lazy(() =>
  import(/* webpackChunkName: "agency-return-panel" */ "./panels/AgencyReturnPanel").then((m) => ({ default: m.AgencyReturnPanel })),
);
const CollationPanel = React.lazy(() =>
  import(/* webpackChunkName: "collation-panel" */ "./panels/CollationPanel").then((m) => ({ default: m.CollationPanel })),
);

export const PRODUCT_NAME = "Safeguarding Partnership Scorecard";

/** One tab per kind of user. */
const TABS = [
  { value: "analyst", label: "Analyst", Panel: AnalystPanel },
  { value: "agency", label: "Agency return", Panel: AgencyReturnPanel },
  { value: "collation", label: "Collation", Panel: CollationPanel },
] as const satisfies readonly { value: string; label: string; Panel: React.ComponentType<PanelProps> }[];

export type TabName = (typeof TABS)[number]["value"];

function isTabName(v: unknown): v is TabName {
  return TABS.some((t) => t.value === v);
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  main: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  loading: { justifyContent: "flex-start", paddingBlock: tokens.spacingVerticalM },
});

/** How to get the pane into Excel, for anyone who opened it somewhere else. One sentence. */
export const SIDELOAD_HINT =
  "run npm start from the project folder, or in Excel on the web choose Insert > Add-ins > Upload My Add-in and upload manifest.xml";

/** The notice at the top of the pane for any state other than "working in Excel". */
function HostNotice({ host }: { host: HostState }): React.JSX.Element | null {
  switch (host.kind) {
    case "excel":
      return null;
    case "starting":
      return (
        <Status intent="info" title="Starting">
          Connecting to Excel…
        </Status>
      );
    case "no-office":
      return (
        <Status intent="warning" title="Open this in Excel">
          {`This add-in runs inside Excel: to try it, ${SIDELOAD_HINT}.`}
        </Status>
      );
    case "other-host":
      return (
        <Status intent="warning" title="Open this in Excel">
          {`This add-in runs inside Excel${host.host ? `, not ${host.host}` : ""}: to try it, ${SIDELOAD_HINT}.`}
        </Status>
      );
    case "timeout":
      return (
        <Status intent="error" title="Excel did not respond">
          {`Excel did not finish starting the add-in within ${host.seconds} seconds; close this pane and open it again from Home > Scorecard, and check that you are online.`}
        </Status>
      );
  }
}

function unavailableReason(host: HostState): string | undefined {
  switch (host.kind) {
    case "excel":
      return undefined;
    case "starting":
    case "timeout":
      return "Excel has not finished starting the add-in yet.";
    case "no-office":
    case "other-host":
      return "This needs Excel: open the add-in inside Excel to use it.";
  }
}

export interface AppProps {
  host: HostState;
  /** The workbook operations; null when not in Excel. Panels get these and nothing else of Office. */
  operations: Operations | null;
  theme: ThemeName;
  initialTab?: TabName;
}

export function App({ host, operations, theme, initialTab = "analyst" }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabName>(initialTab);
  // Tabs chosen so far: a panel is mounted the first time its tab is chosen and stays mounted.
  const [opened, setOpened] = React.useState<ReadonlySet<TabName>>(() => new Set([initialTab]));
  const baseId = React.useId();
  const onTabSelect = React.useCallback((_e: SelectTabEvent, data: SelectTabData) => {
    const chosen = data.value;
    if (!isTabName(chosen)) return;
    setTab(chosen);
    setOpened((was) => (was.has(chosen) ? was : new Set([...was, chosen])));
  }, []);

  // Operations only reach the panels once Excel is ready, whatever the caller passed.
  const usable = host.kind === "excel" ? operations : null;
  const reason = usable ? undefined : unavailableReason(host);

  return (
    // The layout is on a div inside the provider, not on the provider: Fluent gives every portal's
    // mount node (a dropdown's list) the provider's classes, and a full-height, padded node there
    // covered the whole pane, so that no click reached it once a dropdown had been opened.
    <FluentProvider theme={fluentTheme(theme)} data-theme={theme}>
      <div className={styles.root}>
        <header className={styles.header}>
          <img src="assets/icon-32.png" alt="" width={32} height={32} />
          <Subtitle1 as="h1" className={styles.title}>
            {PRODUCT_NAME}
          </Subtitle1>
        </header>
        <main className={styles.main}>
          <HostNotice host={host} />
          <TabList selectedValue={tab} onTabSelect={onTabSelect} aria-label="Choose your job">
            {TABS.map((t) => (
              <Tab
                key={t.value}
                value={t.value}
                id={`${baseId}-tab-${t.value}`}
                aria-controls={`${baseId}-panel-${t.value}`}
              >
                {t.label}
              </Tab>
            ))}
          </TabList>
          {TABS.map(({ value, label, Panel }) => (
            // Every panel stays mounted once opened (hidden when not chosen) so that switching
            // tabs does not lose an operation's progress or its last message.
            <div
              key={value}
              role="tabpanel"
              id={`${baseId}-panel-${value}`}
              aria-labelledby={`${baseId}-tab-${value}`}
              // No display style on this element: one would override the hidden attribute.
              hidden={tab !== value}
            >
              {opened.has(value) && (
                <React.Suspense fallback={<Spinner className={styles.loading} size="tiny" label={`Loading the ${label} tab…`} />}>
                  <Panel operations={usable} unavailableReason={reason} />
                </React.Suspense>
              )}
            </div>
          ))}
        </main>
      </div>
    </FluentProvider>
  );
}

import {
  officeGlobal,
  officeThemeOf,
  startOffice,
  type HostState,
  type OfficeGlobal,
} from "../../src/taskpane/office/host";

function fakeOffice(
  ready: Promise<{ host: unknown; platform: unknown }>,
  theme?: OfficeGlobal["context"],
): OfficeGlobal {
  return { onReady: () => ready, context: theme };
}

function collect() {
  const states: HostState[] = [];
  return { states, report: (s: HostState) => states.push(s) };
}

describe("starting Office", () => {
  afterEach(() => jest.useRealTimers());

  it("reports no Office when Office.js did not load", async () => {
    const { states, report } = collect();
    await startOffice(undefined, report);
    expect(states).toEqual([{ kind: "no-office" }]);
  });

  it("reports Excel once Office is ready in Excel", async () => {
    const { states, report } = collect();
    await startOffice(fakeOffice(Promise.resolve({ host: "Excel", platform: "OfficeOnline" })), report);
    expect(states).toEqual([{ kind: "starting" }, { kind: "excel" }]);
  });

  it("reports a plain browser (Office.js loaded, no host) and other Office applications", async () => {
    const browser = collect();
    await startOffice(fakeOffice(Promise.resolve({ host: null, platform: null })), browser.report);
    expect(browser.states.at(-1)).toEqual({ kind: "other-host", host: null });
    const word = collect();
    await startOffice(fakeOffice(Promise.resolve({ host: "Word", platform: "PC" })), word.report);
    expect(word.states.at(-1)).toEqual({ kind: "other-host", host: "Word" });
  });

  it("says so after 10 seconds without an answer, and still starts if Office answers later", async () => {
    jest.useFakeTimers();
    let ready: (info: { host: unknown; platform: unknown }) => void = () => undefined;
    const { states, report } = collect();
    const done = startOffice(fakeOffice(new Promise((resolve) => (ready = resolve))), report);
    jest.advanceTimersByTime(9_999);
    expect(states).toEqual([{ kind: "starting" }]);
    jest.advanceTimersByTime(1);
    expect(states).toEqual([{ kind: "starting" }, { kind: "timeout", seconds: 10 }]);
    ready({ host: "Excel", platform: "PC" });
    await done;
    expect(states.at(-1)).toEqual({ kind: "excel" });
  });

  it("does not report a timeout once Office has answered", async () => {
    jest.useFakeTimers();
    const { states, report } = collect();
    await startOffice(fakeOffice(Promise.resolve({ host: "Excel", platform: "PC" })), report);
    jest.advanceTimersByTime(20_000);
    expect(states.map((s) => s.kind)).toEqual(["starting", "excel"]);
  });

  it("treats a failed onReady as no Office", async () => {
    const { states, report } = collect();
    await startOffice(fakeOffice(Promise.reject(new Error("blocked"))), report);
    expect(states.at(-1)).toEqual({ kind: "no-office" });
  });
});

describe("the Office global and its theme", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("finds Office.js only when it is really there", () => {
    expect(officeGlobal()).toBeUndefined();
    (globalThis as { Office?: unknown }).Office = { notOffice: true };
    expect(officeGlobal()).toBeUndefined();
    const office = fakeOffice(Promise.resolve({ host: "Excel", platform: "PC" }));
    (globalThis as { Office?: unknown }).Office = office;
    expect(officeGlobal()).toBe(office);
  });

  it("reads the theme, and survives hosts where reading it throws", () => {
    const theme = { isDarkTheme: true, bodyBackgroundColor: "#1f1f1f" };
    expect(officeThemeOf(fakeOffice(Promise.resolve({ host: "Excel", platform: "PC" }), { officeTheme: theme }))).toBe(
      theme,
    );
    expect(officeThemeOf(undefined)).toBeNull();
    const throwing = {
      onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      get context(): OfficeGlobal["context"] {
        throw new Error("not supported");
      },
    };
    expect(officeThemeOf(throwing)).toBeNull();
  });
});

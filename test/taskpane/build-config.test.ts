/**
 * The webpack configuration and the page it builds, checked without building: Office.js stays an
 * external loaded from Microsoft's CDN, nothing needs eval, and a plain build needs no certificates.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack, { type Configuration } from "webpack";

// Serving asks office-addin-dev-certs for Office's development certificate; a stand-in here, so
// the test neither creates nor installs a certificate.
jest.mock("office-addin-dev-certs", () => ({
  getHttpsServerOptions: jest.fn(async () => ({
    ca: Buffer.from("ca"),
    cert: Buffer.from("cert"),
    key: Buffer.from("key"),
  })),
}));

const ROOT = path.join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(path.join(ROOT, "webpack.config.js")) as {
  (env: Record<string, unknown>, argv: Record<string, unknown>): Promise<Configuration>;
  CspGuardPlugin: new (options?: { failOnInitial?: boolean }) => webpack.WebpackPluginInstance;
};
const makeConfig = webpackConfig;
const html = fs.readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");

describe("webpack.config.js", () => {
  it.each(["production", "development"])("in %s mode never uses eval and keeps Office.js external", async (mode) => {
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode });
    expect(config.mode).toBe(mode);
    expect(String(config.devtool)).not.toMatch(/eval/);
    expect(config.externals).toMatchObject({ "office-js": "Office", "@microsoft/office-js": "Office" });
    expect(config.entry).toEqual({ taskpane: "./src/taskpane/index.tsx" });
    expect(config.output?.path).toBe(path.join(ROOT, "dist"));
    // A build does not ask for development certificates (that would fail offline and in CI).
    expect((config as { devServer?: unknown }).devServer).toBeUndefined();
  });

  it("minifies production builds and splits lazily loaded code into chunks", async () => {
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    expect(config.optimization?.minimize).toBe(true);
    expect(config.optimization?.splitChunks).toMatchObject({ chunks: "all" });
  });

  it("compiles TypeScript to ES modules so that import() makes chunks", async () => {
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    expect(JSON.stringify(config.module?.rules)).toContain('"module":"esnext"');
  });

  it("serves over https on port 3000 with the development certificate, only when serving", async () => {
    const config = (await makeConfig({ WEBPACK_SERVE: true }, { mode: "development" })) as Configuration & {
      devServer?: { port?: number; server?: { type?: string; options?: { cert?: Buffer } } };
    };
    expect(config.devServer?.port).toBe(3000);
    expect(config.devServer?.server?.type).toBe("https");
    expect(config.devServer?.server?.options?.cert?.toString()).toBe("cert");
    // webpack-dev-server's client carries an unused `new Function`: a warning there, not a stop.
    const guard = config.plugins?.find((p) => p instanceof webpackConfig.CspGuardPlugin) as { failOnInitial?: boolean };
    expect(guard.failOnInitial).toBe(false);
  });

  it("fails a production build on eval in the files the pane opens with", async () => {
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    const guard = config.plugins?.find((p) => p instanceof webpackConfig.CspGuardPlugin) as { failOnInitial?: boolean };
    expect(guard.failOnInitial).toBe(true);
  });
});

describe("the build's CSP guard", () => {
  /** Builds the given files (entry.js first) with the guard, unminified, in a temporary folder. */
  function buildWithGuard(files: Record<string, string>): Promise<webpack.Stats> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csp-guard-"));
    for (const [name, code] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), code);
    const compiler = webpack({
      mode: "production",
      // As the real configuration: without it webpack's own runtime carries a new Function fallback.
      target: ["web", "es2020"],
      context: dir,
      entry: "./entry.js",
      output: { path: path.join(dir, "out") },
      optimization: { minimize: false },
      plugins: [new webpackConfig.CspGuardPlugin()],
    });
    return new Promise((resolve, reject) =>
      compiler.run((err, stats) => {
        compiler.close(() => undefined);
        fs.rmSync(dir, { recursive: true, force: true });
        if (err || !stats) reject(err ?? new Error("no stats"));
        else resolve(stats);
      }),
    );
  }

  it("fails the build when the files the pane opens with need eval", async () => {
    const stats = await buildWithGuard({ "entry.js": 'console.log(new Function("return 1")());' });
    expect(stats.compilation.errors.map((e) => e.message).join("\n")).toMatch(/Content-Security-Policy/);
  });

  it("only warns about lazily loaded files, and passes clean code", async () => {
    const stats = await buildWithGuard({
      "entry.js": 'import("./lazy.js").then((m) => console.log(m.run()));',
      "lazy.js": 'export const run = () => eval("1 + 1");',
    });
    expect(stats.compilation.errors).toHaveLength(0);
    expect(stats.compilation.warnings.map((e) => e.message).join("\n")).toMatch(/Content-Security-Policy/);
    const clean = await buildWithGuard({ "entry.js": "console.log(1 + 1);" });
    expect(clean.compilation.errors).toHaveLength(0);
    expect(clean.compilation.warnings).toHaveLength(0);
  });
});

describe("taskpane.html", () => {
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";

  it("loads Office.js from Microsoft's CDN", () => {
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
  });

  it("has a Content-Security-Policy without unsafe-eval or inline scripts", () => {
    expect(csp).not.toBe("");
    expect(csp).not.toContain("unsafe-eval");
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc.split(/\s+/)).toEqual(expect.arrayContaining(["'self'", "https://appsforoffice.microsoft.com"]));
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("object-src 'none'");
    // No inline script in the page itself, which the policy would block.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

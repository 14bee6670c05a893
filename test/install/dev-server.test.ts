/**
 * What `npm start` does before Excel takes over, checked for real: the development server builds
 * the pane and answers on https://localhost:3000 with a development certificate, and every address
 * that manifest.xml gives Office (the pane, the help page, the icons) is served. The sideload
 * itself (office-addin-debugging, fetched by npx on demand) needs Excel, which cannot run here.
 *
 * The certificate is made by office-addin-dev-certs' own generator into a temporary folder and
 * handed to the server through SGP_DEV_CERTS, so the test installs nothing into the machine's
 * trust store; the client trusts that CA alone.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const PORT = 3000;

interface Answer {
  status: number;
  body: string;
  contentType: string;
}

function get(url: string, ca: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, timeout: 10_000 }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, contentType: String(res.headers["content-type"] ?? "") }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer from ${url}`)));
    req.on("error", reject);
  });
}

/** Waits until the server answers the pane's address, or the server exits, or time runs out. */
async function waitForServer(server: ChildProcess, ca: Buffer, log: () => string): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the dev server exited (${server.exitCode}):\n${log()}`);
    try {
      const answer = await get(`https://localhost:${PORT}/taskpane.html`, ca);
      if (answer.status === 200) return;
    } catch {
      // not listening yet, or still building
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the dev server did not answer within 150 s:\n${log()}`);
}

describe("npm start's development server", () => {
  let server: ChildProcess | undefined;
  let certs = "";
  let output = "";

  beforeAll(async () => {
    certs = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-dev-certs-"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate") as {
      generateCertificates: (ca: string, cert: string, key: string, days: number, domains: string[]) => Promise<void>;
    };
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    await generateCertificates(path.join(certs, "ca.crt"), path.join(certs, "localhost.crt"), path.join(certs, "localhost.key"), 2, ["localhost", "127.0.0.1"]);
    log.mockRestore();
    server = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development", "--no-open"], {
      cwd: ROOT,
      env: { ...process.env, SGP_DEV_CERTS: certs, BROWSER: "none" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    server.stdout?.on("data", (d) => (output += String(d)));
    server.stderr?.on("data", (d) => (output += String(d)));
    await waitForServer(server, fs.readFileSync(path.join(certs, "ca.crt")), () => output.slice(-3000));
  }, 180_000);

  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((r) => server?.once("exit", r));
      process.kill(-server.pid, "SIGTERM");
      await exited;
    }
    fs.rmSync(certs, { recursive: true, force: true });
  });

  it("answers on https with the development certificate, and serves every address in manifest.xml", async () => {
    const ca = fs.readFileSync(path.join(certs, "ca.crt"));
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const urls = [...new Set([...manifest.matchAll(/"(https:\/\/localhost:3000\/[^"]+)"/g)].map((m) => m[1] as string))];
    expect(urls).toEqual(expect.arrayContaining([`https://localhost:${PORT}/taskpane.html`, `https://localhost:${PORT}/help.html`]));
    for (const url of urls) {
      const answer = await get(url, ca);
      expect({ url, status: answer.status }).toEqual({ url, status: 200 });
      if (url.endsWith(".png")) expect(answer.body.slice(1, 4)).toBe("PNG");
      if (url.endsWith(".html")) expect(answer.contentType).toMatch(/text\/html/);
    }
  });

  it("serves the pane's script, which the page loads", async () => {
    const ca = fs.readFileSync(path.join(certs, "ca.crt"));
    const page = await get(`https://localhost:${PORT}/taskpane.html`, ca);
    const scripts = [...page.body.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string).filter((src) => !/^https?:/.test(src));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const script = await get(new URL(src, `https://localhost:${PORT}/`).href, ca);
      expect(script.status).toBe(200);
      expect(script.body.length).toBeGreaterThan(1000);
    }
  });

  it("refuses a client that does not trust the certificate", async () => {
    await expect(get(`https://localhost:${PORT}/taskpane.html`, Buffer.from(""))).rejects.toThrow();
  });
});

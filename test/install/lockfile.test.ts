/**
 * `npm ci` on a machine with Node 20 and nothing else (issue 11): no package may run an install
 * script, because such scripts download prebuilt binaries (there is no internet but the registry)
 * or compile native code (there is no compiler). .ci/run proves it by installing with failing
 * stand-ins for the compilers; this test says which package broke the promise, from the lock file.
 */
import * as fs from "node:fs";
import * as path from "node:path";

interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  optional?: boolean;
  dev?: boolean;
}

const root = path.join(__dirname, "..", "..");
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as { lockfileVersion: number; packages: Record<string, LockEntry> };

describe("package-lock.json", () => {
  it("installs no package that runs an install script", () => {
    const scripted = Object.entries(lock.packages)
      .filter(([key, entry]) => key !== "" && entry.hasInstallScript)
      .map(([key, entry]) => `${key.replace(/^.*node_modules\//, "")}@${entry.version}`);
    expect(scripted).toEqual([]);
  });

  it("does not install Office's sideloading tooling, which npm start fetches on demand", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const names = Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, ""));
    for (const heavy of ["office-addin-debugging", "office-addin-dev-settings", "keytar", "@microsoft/m365agentstoolkit-cli"]) {
      expect(names).not.toContain(heavy);
    }
    expect(pkg.scripts.start).toMatch(/^npx --yes office-addin-debugging@\d+ start manifest\.xml$/);
    expect(pkg.scripts.validate).toBe("office-addin-manifest validate manifest.xml");
  });

  it("is a lock file npm ci reads as it is", () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.packages[""]).toBeDefined();
  });
});

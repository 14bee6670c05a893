/**
 * The install pins @fluentui/react-icons to 2.0.313 (package.json "overrides"): the last release
 * before the package moved to one file per icon, which made it 174 MB in 47,000 files of the
 * 488 MB node_modules this project needs. The pin is safe only while every icon that the Fluent UI
 * components import exists in the pinned release; this test reads each component's own imports and
 * fails, naming the icon and the component, the day an upgrade of Fluent UI needs a newer release.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "..", "..");
const fluentDir = path.join(root, "node_modules", "@fluentui");

function jsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return jsFiles(full);
    return e.name.endsWith(".js") ? [full] : [];
  });
}

/** Every named import from @fluentui/react-icons in the ES module builds of the Fluent packages. */
function iconsImported(): Map<string, string> {
  const used = new Map<string, string>();
  const importRe = /import\s*\{([^}]*)\}\s*from\s*['"]@fluentui\/react-icons['"]/g;
  for (const pkg of fs.readdirSync(fluentDir)) {
    if (pkg === "react-icons") continue;
    for (const file of jsFiles(path.join(fluentDir, pkg, "lib"))) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(importRe)) {
        for (const part of (m[1] ?? "").split(",")) {
          const name = part.trim().split(/\s+as\s+/)[0]?.trim();
          if (name && !name.startsWith("type ")) used.set(name, `@fluentui/${pkg}`);
        }
      }
    }
  }
  return used;
}

describe("the pinned Fluent UI icons release", () => {
  it("has every icon that the installed Fluent UI components import", () => {
    const used = iconsImported();
    expect(used.size).toBeGreaterThan(20);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const icons = require("@fluentui/react-icons") as Record<string, unknown>;
    const missing = [...used].filter(([name]) => icons[name] === undefined).map(([name, pkg]) => `${name} (imported by ${pkg})`);
    expect(missing).toEqual([]);
  });

  it("is the one copy installed, so nothing brings the larger layout back", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
    const copies = Object.entries(lock.packages).filter(([key]) => key.endsWith("node_modules/@fluentui/react-icons"));
    expect(copies.map(([key, v]) => `${key}@${v.version}`)).toEqual(["node_modules/@fluentui/react-icons@2.0.313"]);
  });
});

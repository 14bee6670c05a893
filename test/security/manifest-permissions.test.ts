/**
 * The manifest asks for no more than the add-in needs: one Permissions element, ReadWriteDocument
 * (read the workbook, write the add-in's sheets; not WriteDocument-and-more, not mailbox or
 * identity scopes), and every URL it names is the add-in's own origin, so Office loads nothing
 * of the add-in's from anywhere else. (test/manifest checks the rest of the manifest.)
 */
import * as fs from "node:fs";
import * as path from "node:path";

const xml = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8").replace(/<!--[\s\S]*?-->/g, "");

test("exactly one Permissions element, asking for ReadWriteDocument", () => {
  expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(["ReadWriteDocument"]);
});

test("no web application (SSO) scopes, no extended permissions, no app domains to navigate to", () => {
  expect(xml).not.toMatch(/<WebApplicationInfo\b|<Scopes\b|<ExtendedPermissions\b|<AppDomains?\b/);
});

test("every URL is the add-in's own origin", () => {
  // URLs are attribute values (DefaultValue="..."); namespace declarations (xmlns) are names, not places.
  const urls = [...xml.matchAll(/\bDefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(5);
  const origins = new Set(urls.map((u) => new URL(u).origin));
  expect([...origins]).toHaveLength(1);
  expect([...origins][0]).toMatch(/^https:\/\//);
});

/**
 * LibreOffice and poppler for the tests that check what a person would see: converting a
 * workbook headless (to PDF, CSV or a re-saved .xlsx) and turning a PDF into pictures. Every
 * run uses its own LibreOffice profile, so a soffice someone else is running does not collide.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { readPng, type Image } from "./png";

/** The soffice on this machine, or null where LibreOffice is not installed. */
export const SOFFICE: string | null =
  [...(process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, "soffice")), "/usr/bin/soffice", "/opt/libreoffice/program/soffice"].find(
    (p) => fs.existsSync(p) && fs.statSync(p).isFile(),
  ) ?? null;

/**
 * `test` where LibreOffice is installed; elsewhere `test.skip` with one clear line saying why and
 * what to install. The RAG issue asks for exactly this: skip with a clear message only where
 * LibreOffice is absent. .ci/run installs it, so in CI these tests always run.
 */
export function withLibreOffice(suite: string): jest.It {
  if (SOFFICE) return test;
  console.warn(`${suite}: SKIPPED, LibreOffice's soffice is not installed, so this cannot be checked here. Install libreoffice-calc-nogui and poppler-utils (.ci/run does).`);
  return test.skip;
}

/** Converts `file` into `outDir` ("pdf", "csv" or "xlsx") and returns the new file's path. */
export function convertWithLibreOffice(file: string, to: "pdf" | "csv" | "xlsx", outDir: string): string {
  if (!SOFFICE) throw new Error("LibreOffice is not installed");
  fs.mkdirSync(outDir, { recursive: true });
  const profile = `file://${path.join(outDir, ".lo-profile")}`;
  execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", to, "--outdir", outDir, file], { stdio: "pipe", timeout: 180_000 });
  const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${to}`);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${file} to ${to}`);
  return out;
}

/** Every page of a PDF as a picture, in page order (pdftoppm at `dpi`). */
export function pdfPages(pdf: string, dpi = 60): Image[] {
  const prefix = `${pdf.replace(/\.pdf$/, "")}-page`;
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), pdf, prefix], { stdio: "pipe", timeout: 60_000 });
  const dir = path.dirname(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith(".png"))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]))
    .map((f) => readPng(fs.readFileSync(path.join(dir, f))));
}

/** Each page's size in points, rounded, in page order (pdfinfo). */
export function pdfPageSizes(pdf: string): [number, number][] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", String(pages), pdf], { encoding: "utf8" });
  return [...info.matchAll(/Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
}

/** One page's text (pdftotext, pages counted from 1), its white space made single spaces. */
export function pdfPageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/**
 * Test-only: finding fills in pictures of rendered pages, and reading LibreOffice's CSV, for the
 * render tests that check what a reader sees.
 */
import type { Image } from "./png";

export type Rgb = [number, number, number];

export function rgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

export interface Band<M extends string> {
  mark: M;
  height: number;
  left: number;
}

/** The fill of a pixel row: the first of `fills` found in at least `minRun` pixels side by side. */
function rowFill<M extends string>(img: Image, y: number, fills: readonly [M, Rgb][], minRun: number): { mark: M; left: number } | null {
  for (const [mark, [r, g, b]] of fills) {
    let run = 0;
    for (let x = 0; x < img.width; x++) {
      const [pr, pg, pb] = img.rgb(x, y);
      const close = Math.abs(pr - r) <= 4 && Math.abs(pg - g) <= 4 && Math.abs(pb - b) <= 4;
      run = close ? run + 1 : 0;
      if (run >= minRun) return { mark, left: x - minRun + 1 };
    }
  }
  return null;
}

/** Bands of the given fills, top to bottom, page by page. */
export function fillBands<M extends string>(images: readonly Image[], fills: readonly [M, Rgb][], minRun = 8): Band<M>[] {
  const bands: Band<M>[] = [];
  for (const img of images) {
    let current: Band<M> | null = null;
    for (let y = 0; y < img.height; y++) {
      const fill = rowFill(img, y, fills, minRun);
      if (fill && current && current.mark === fill.mark) current.height += 1;
      else {
        if (current) bands.push(current);
        current = fill ? { mark: fill.mark, height: 1, left: fill.left } : null;
      }
    }
    if (current) bands.push(current);
  }
  return bands;
}


import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";

/**
 * SVG to PNG with resvg, with a font shipped in an npm package (dejavu-fonts-ttf) so
 * text renders the same on every machine; system fonts are a fallback only.
 */
const require = createRequire(import.meta.url);
let fontFiles: string[] | undefined;

function fonts(): string[] {
  if (!fontFiles) {
    try {
      fontFiles = [require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")];
    } catch {
      fontFiles = [];
    }
  }
  return fontFiles;
}

export function renderPng(svg: string): Buffer {
  const files = fonts();
  const resvg = new Resvg(svg, {
    font: { fontFiles: files, loadSystemFonts: files.length === 0, defaultFontFamily: "DejaVu Sans" },
    // A crisp picture on high-density phone screens costs little: the shapes are flat.
    fitTo: { mode: "original" },
  });
  return resvg.render().asPng();
}

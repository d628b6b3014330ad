import { createRequire } from "node:module";
import { type SKRSContext2D, GlobalFonts, createCanvas } from "@napi-rs/canvas";
import type { Layout } from "./timeline-layout.js";

/**
 * Draws a layout with @napi-rs/canvas (Skia, prebuilt in the npm package) and encodes it as
 * PNG. The font comes from an npm package too (dejavu-fonts-ttf), registered once, so text
 * looks the same on every machine whatever fonts it has.
 */
const require = createRequire(import.meta.url);
/** Own family names, so a system font of the same name can never be picked instead. */
const REGULAR = "Storyline Sans";
const BOLD = "Storyline Sans Bold";
let fontsReady = false;

function registerFonts(): void {
  if (fontsReady) return;
  GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), REGULAR);
  GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"), BOLD);
  fontsReady = true;
}

export function renderPng(layout: Layout): Buffer {
  registerFonts();
  const canvas = createCanvas(layout.width, layout.height);
  const g = canvas.getContext("2d");
  for (const shape of layout.shapes) draw(g, shape);
  // Flat colours: the Up filter alone and a low zlib level give nearly the default size in a fraction of the time.
  return canvas.toBuffer("image/png", { compressionLevel: 3, filters: 0x20 });
}

function draw(g: SKRSContext2D, shape: Layout["shapes"][number]): void {
  if (shape.kind === "rect") {
    g.beginPath();
    g.roundRect(shape.x, shape.y, shape.w, shape.h, shape.r ?? 0);
    g.fillStyle = shape.fill;
    g.fill();
    if (shape.stroke) {
      g.strokeStyle = shape.stroke;
      g.lineWidth = 1;
      g.stroke();
    }
  } else if (shape.kind === "line") {
    g.beginPath();
    g.setLineDash(shape.dash ?? []);
    g.moveTo(shape.x1, shape.y1);
    g.lineTo(shape.x2, shape.y2);
    g.strokeStyle = shape.stroke;
    g.lineWidth = shape.width;
    g.stroke();
    g.setLineDash([]);
  } else {
    g.font = `${shape.size}px "${shape.bold ? BOLD : REGULAR}"`;
    g.fillStyle = shape.fill;
    g.fillText(shape.text, shape.x, shape.y);
  }
}

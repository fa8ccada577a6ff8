// Draws the map picture for download: title and period, the map canvas, the legend (classes, colours, counts)
// and the source credit, all with canvas text so the PNG stands on its own.
import { DASH, type HotspotStyle } from '../../lib/overlayStyles.ts';

export interface ExportLegendRow {
  colour: string;
  label: string;
  /** Number of areas in the class. */
  count: number;
  /** Draw the grey no-data hatch instead of a flat colour. */
  hatch?: boolean;
}

/** A hotspot class in the export's second legend, drawn with the map's outline style. */
export interface ExportHotspotRow {
  style: HotspotStyle;
  count: number;
}

export interface ExportContent {
  title: string;
  subtitle: string;
  legendTitle: string;
  legendRows: ExportLegendRow[];
  /** The hotspot legend when hotspots are drawn on the map (title names method and measure). */
  hotspotLegend?: { title: string; rows: ExportHotspotRow[] };
  /** ["buurt", "buurten"] / ["wijk", "wijken"] */
  areaWords: [string, string];
  notes: string[];
  credit: string;
}

const PAD = 24;
const LEGEND_W = 340;
const FONT = "'Segoe UI', Calibri, 'Helvetica Neue', Arial, sans-serif";

/** Composes the map image and the legend onto a new canvas; the map image is drawn at its own pixel size. */
export function composeMapImage(map: CanvasImageSource & { width: number; height: number }, c: ExportContent, doc: Document = document): HTMLCanvasElement {
  const headerH = 92;
  const footerH = 28 + c.notes.length * 22 + 36;
  const hotspotH = c.hotspotLegend ? 24 + hotspotTitleLines(c.hotspotLegend.title).length * 22 + c.hotspotLegend.rows.length * 34 : 0;
  const legendH = 56 + c.legendRows.length * 34 + hotspotH;
  const w = PAD + map.width + PAD + LEGEND_W + PAD;
  const h = headerH + Math.max(map.height, legendH) + footerH;
  const canvas = doc.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#154273';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `bold 28px ${FONT}`;
  ctx.fillText(c.title, PAD, 44, w - 2 * PAD);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `18px ${FONT}`;
  ctx.fillText(c.subtitle, PAD, 74, w - 2 * PAD);

  ctx.drawImage(map, PAD, headerH, map.width, map.height);
  ctx.strokeStyle = '#4a4a4a';
  ctx.lineWidth = 1;
  ctx.strokeRect(PAD + 0.5, headerH + 0.5, map.width - 1, map.height - 1);

  // Legend: swatch, class bounds, number of areas.
  const lx = PAD + map.width + PAD;
  let y = headerH + 22;
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `bold 18px ${FONT}`;
  ctx.fillText(c.legendTitle, lx, y, LEGEND_W);
  y += 18;
  ctx.font = `16px ${FONT}`;
  for (const row of c.legendRows) {
    const top = y + 6;
    if (row.hatch) {
      ctx.fillStyle = '#d9d9d9';
      ctx.fillRect(lx, top, 40, 22);
      ctx.save();
      ctx.beginPath();
      ctx.rect(lx, top, 40, 22);
      ctx.clip();
      ctx.strokeStyle = '#555555';
      ctx.lineWidth = 2;
      for (let k = -22; k < 40; k += 6) {
        ctx.beginPath();
        ctx.moveTo(lx + k, top + 22);
        ctx.lineTo(lx + k + 22, top);
        ctx.stroke();
      }
      ctx.restore();
    } else {
      ctx.fillStyle = row.colour;
      ctx.fillRect(lx, top, 40, 22);
    }
    ctx.strokeStyle = '#4a4a4a';
    ctx.lineWidth = 1;
    ctx.strokeRect(lx + 0.5, top + 0.5, 39, 21);
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(`${row.label}  (${row.count.toLocaleString('nl-NL')} ${c.areaWords[row.count === 1 ? 0 : 1]})`, lx + 52, top + 17, LEGEND_W - 52);
    y += 34;
  }
  if (c.hotspotLegend) {
    y += 24;
    ctx.fillStyle = '#1a1a1a';
    ctx.font = `bold 18px ${FONT}`;
    for (const line of hotspotTitleLines(c.hotspotLegend.title)) {
      ctx.fillText(line, lx, y, LEGEND_W);
      y += 22;
    }
    y -= 4;
    ctx.font = `16px ${FONT}`;
    for (const row of c.hotspotLegend.rows) {
      const top = y + 6;
      drawHotspotSwatch(ctx, row.style, lx, top);
      ctx.fillStyle = '#1a1a1a';
      ctx.fillText(`${row.style.label}  (${row.count.toLocaleString('nl-NL')})`, lx + 52, top + 17, LEGEND_W - 52);
      y += 34;
    }
  }

  let fy = headerH + Math.max(map.height, legendH) + 28;
  ctx.font = `15px ${FONT}`;
  ctx.fillStyle = '#4d4d4d';
  for (const n of c.notes) {
    ctx.fillText(n, PAD, fy, w - 2 * PAD);
    fy += 22;
  }
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `bold 16px ${FONT}`;
  ctx.fillText(c.credit, PAD, fy + 8, w - 2 * PAD);
  return canvas;
}

/** The hotspot legend title over at most two lines ("Hotspots: Getis-Ord Gi*" / "op registraties per km²"). */
function hotspotTitleLines(title: string): string[] {
  const at = title.indexOf(' op ');
  return at > 0 ? [title.slice(0, at), title.slice(at + 1)] : [title];
}

/** A light swatch with the class's outline, as on the map (dash pattern included), so the key reads in greyscale. */
function drawHotspotSwatch(ctx: CanvasRenderingContext2D, s: HotspotStyle, x: number, top: number): void {
  ctx.fillStyle = '#e8e8e8';
  ctx.fillRect(x, top, 40, 22);
  ctx.save();
  if (s.line === 'none') {
    ctx.strokeStyle = '#4a4a4a';
    ctx.lineWidth = 1;
    ctx.setLineDash([]);
  } else {
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = s.width;
    ctx.setLineDash(s.line === 'dashed' ? DASH.dashed.map((d) => d * s.width) : s.line === 'dotted' ? [0.5, 2 * s.width] : []);
    ctx.lineCap = s.line === 'dotted' ? 'round' : 'butt';
  }
  const inset = ctx.lineWidth / 2;
  ctx.strokeRect(x + inset, top + inset, 40 - 2 * inset, 22 - 2 * inset);
  ctx.restore();
}

/** The map's WebGL canvas as an image: read inside the next 'render', while its drawing buffer is still valid. */
export function captureMapCanvas(map: { getCanvas(): HTMLCanvasElement; once(type: 'render', listener: () => void): unknown; triggerRepaint(): void }, doc: Document = document): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const copy = doc.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      copy.getContext('2d')?.drawImage(src, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

/** "kaart_maastricht_2024-01_2024-12.png" */
export function exportFileName(parts: string[]): string {
  const slug = parts
    .join('_')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/-+/g, '-');
  return `kaart_${slug}.png`;
}

// "Kaart downloaden (PNG)": the current map with its legend, title, period and the source credit.
import { useState } from 'react';
import { errorText } from '../../api/queries.ts';
import { captureMapCanvas, composeMapImage, exportFileName, type ExportContent } from './composeMapImage.ts';

export interface MapExportButtonProps {
  /** The MapLibre map (null while it is being created). */
  map: { getCanvas(): HTMLCanvasElement; once(type: 'render', listener: () => void): unknown; triggerRepaint(): void } | null;
  content: () => ExportContent;
  fileParts: string[];
  announce: (text: string) => void;
}

export function MapExportButton({ map, content, fileParts, announce }: MapExportButtonProps) {
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    if (!map) return;
    setBusy(true);
    try {
      const image = await captureMapCanvas(map);
      const canvas = composeMapImage(image, content());
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('geen afbeelding');
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = exportFileName(fileParts);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(`Kaart gedownload als ${a.download}`);
    } catch (e) {
      announce(`Kaart downloaden is niet gelukt. ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="map-export-button" onClick={() => void onClick()} disabled={!map || busy}>
      {busy ? 'Kaart wordt gemaakt…' : 'Kaart downloaden (PNG)'}
    </button>
  );
}

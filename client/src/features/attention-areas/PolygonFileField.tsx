// The file input of the attention-area form, with what it accepts spelled out and what was read from the file.
import type { Ref } from 'react';
import { MAX_POLYGON_FILE_BYTES } from './polygonFile.ts';

export interface PolygonFileFieldProps {
  id: string;
  inputRef: Ref<HTMLInputElement>;
  /** What was read from the chosen file ("1 polygoon, …"); null before a good file is chosen. */
  summary: string | null;
  /** Id of the form's error message while it is about the file. */
  errorId: string | null;
  onFile: (file: File | null) => void;
}

export function PolygonFileField({ id, inputRef, summary, errorId, onFile }: PolygonFileFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>Polygoonbestand (.geojson of .json)</label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        className="file-input"
        accept=".geojson,.json,application/geo+json,application/json"
        aria-invalid={errorId !== null || undefined}
        aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      <p className="hint" id={`${id}-hint`}>
        GeoJSON met een Polygon of MultiPolygon: een losse geometrie, een Feature of een FeatureCollection (alle polygonen samen vormen één
        gebied). Coördinaten in WGS84 (graden) of RD New (EPSG:28992), hoogstens {MAX_POLYGON_FILE_BYTES / 1024 / 1024} MB. Een buurt hoort
        erbij als een punt midden in die buurt binnen de polygoon ligt.
      </p>
      {/* Always rendered so screen readers hear the summary when a file has been read. */}
      <p className="hint upload-summary" aria-live="polite">
        {summary && `Gelezen: ${summary}.`}
      </p>
    </div>
  );
}

// A legend swatch drawn like the map: same outline style and fill pattern, so the key reads in greyscale too.
import { useId } from 'react';
import { DASH, HOTSPOT_STYLES, svgDash, type HotspotClassKey } from '../../lib/overlayStyles.ts';

export function HotspotSwatch({ hotspotClass }: { hotspotClass: HotspotClassKey }) {
  const id = useId().replace(/:/g, '');
  const s = HOTSPOT_STYLES.find((x) => x.key === hotspotClass)!;
  const dash = s.line === 'dashed' ? svgDash(DASH.dashed, s.width) : s.line === 'dotted' ? `0.5 ${2 * s.width}` : undefined;
  return (
    <svg className="hotspot-swatch" width="44" height="26" viewBox="0 0 44 26" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={`${id}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
          <line x1="2" y1="0" x2="2" y2="8" stroke="#ffffff" strokeWidth="3.6" />
          <line x1="2" y1="0" x2="2" y2="8" stroke="#000000" strokeWidth="1.6" />
        </pattern>
        <pattern id={`${id}-dots`} width="12" height="12" patternUnits="userSpaceOnUse">
          <circle cx="6" cy="6" r="2.2" fill="#000000" stroke="#ffffff" strokeWidth="1.2" />
        </pattern>
      </defs>
      <rect x="3" y="3" width="38" height="20" fill="#e8e8e8" />
      {s.pattern !== 'none' && <rect x="3" y="3" width="38" height="20" fill={`url(#${id}-${s.pattern})`} />}
      {s.line !== 'none' ? (
        <>
          <rect x="3" y="3" width="38" height="20" fill="none" stroke="#ffffff" strokeWidth={s.width + 2} />
          <rect x="3" y="3" width="38" height="20" fill="none" stroke={s.colour} strokeWidth={s.width} strokeDasharray={dash} strokeLinecap={s.line === 'dotted' ? 'round' : 'butt'} />
        </>
      ) : (
        <rect x="3" y="3" width="38" height="20" fill="none" stroke="#4a4a4a" strokeWidth={0.8} />
      )}
    </svg>
  );
}

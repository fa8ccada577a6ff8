// Key of an attention area: its number badge (as on the map) and its line style.
import { attentionStyle, svgDash } from '../../lib/overlayStyles.ts';

export function AttentionSwatch({ index }: { index: number }) {
  const style = attentionStyle(index);
  return (
    <svg className="attention-swatch" width="64" height="26" viewBox="0 0 64 26" aria-hidden="true" focusable="false">
      <line x1="26" y1="13" x2="62" y2="13" stroke="#ffffff" strokeWidth="6" />
      <line x1="26" y1="13" x2="62" y2="13" stroke={style.colour} strokeWidth="3" strokeDasharray={svgDash(style.dash, 3)} />
      <circle cx="12" cy="13" r="10" fill="#ffffff" stroke="#000000" strokeWidth="2" />
      <text x="12" y="17.5" textAnchor="middle" fontSize="13" fontWeight="700" fill="#000000">
        {index + 1}
      </text>
    </svg>
  );
}

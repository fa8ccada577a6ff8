// Kinds of attention area, as the server knows them (keys checked against its type).
import type { AttentionKind } from '../../api/client.ts';

export const KIND_LABELS: Record<AttentionKind, string> = {
  vba: 'Veilige Buurten Aanpak',
  kvo: 'Keurmerk Veilig Ondernemen',
  camera: 'Cameratoezicht',
  handhaving: 'Handhavingshotspot',
  overig: 'Overig aandachtsgebied',
};

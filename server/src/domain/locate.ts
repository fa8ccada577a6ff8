// Assigns points to buurten: point-in-polygon with an R-tree over the buurt bounding boxes, and
// for points in the slivers between simplified buurten the nearest buurt within a tolerance.
import RBush from 'rbush';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import bbox from '@turf/bbox';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export interface Located {
  code: string;
  /** 0 inside the polygon, else the distance to the nearest buurt in metres. */
  distanceM: number;
}

interface Item { minX: number; minY: number; maxX: number; maxY: number; i: number }

export class BuurtLocator {
  private readonly tree = new RBush<Item>();

  constructor(private readonly features: Feature<Polygon | MultiPolygon, { code: string }>[]) {
    this.tree.load(features.map((f, i) => {
      const [minX, minY, maxX, maxY] = bbox(f);
      return { minX, minY, maxX, maxY, i };
    }));
  }

  locate(lon: number, lat: number, toleranceM: number): Located | null {
    const pt: [number, number] = [lon, lat];
    const hits = this.tree.search({ minX: lon, minY: lat, maxX: lon, maxY: lat });
    for (const h of hits) if (booleanPointInPolygon(pt, this.features[h.i])) return { code: this.features[h.i].properties.code, distanceM: 0 };
    // Not inside any buurt: search the boxes within the tolerance (degrees, generously) for the nearest.
    const dLat = toleranceM / 111_320;
    const dLon = dLat / Math.max(0.1, Math.cos((lat * Math.PI) / 180));
    let best: Located | null = null;
    for (const h of this.tree.search({ minX: lon - dLon, minY: lat - dLat, maxX: lon + dLon, maxY: lat + dLat })) {
      const d = Math.abs(pointToPolygonDistance(pt, this.features[h.i], { units: 'meters' }));
      if (d <= toleranceM && (!best || d < best.distanceM)) best = { code: this.features[h.i].properties.code, distanceM: d };
    }
    return best;
  }
}

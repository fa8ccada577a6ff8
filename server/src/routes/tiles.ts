// GET /tiles/{level}/{z}/{x}/{y}.mvt: the country's boundaries as vector tiles (one layer named after
// the level), and GET /tiles/{level}.json: their TileJSON. Tiles are immutable per boundaries version:
// the TileJSON's URL template carries ?v=<version>, so a browser keeps them for a year and a rebuilt
// geodata folder gives new URLs.
import { Hono } from 'hono';
import { ApiError } from '../compute/errors.ts';
import { isTileAddress, type TileSet } from '../compute/tiles.ts';
import { TILE_ATTRIBUTION, TILE_LEVELS, TILE_MAX_ZOOM, TILE_MIN_ZOOM, tileUrlTemplate, type TileLevel } from '../domain/tileZooms.ts';
import { isTileLevel, tileAddress, tileAnswer } from '../http/tileAnswer.ts';
import { sendBytes } from '../http/bytesAnswer.ts';

function levelOf(s: string): TileLevel {
  if (!isTileLevel(s)) throw new ApiError(404, `level must be one of ${TILE_LEVELS.join(', ')}`, 'level');
  return s;
}

export function tilesRoutes(tiles: TileSet) {
  return new Hono()
    .get('/tiles/:file{[a-z]+\\.json}', (c) => {
      const level = levelOf(c.req.param('file').replace(/\.json$/, ''));
      const v = tiles.version();
      // Relative to this request, so it works behind any host or proxy prefix MapLibre is served from.
      const base = new URL(c.req.url);
      const template = tileUrlTemplate(base.origin, level, v);
      c.header('Cache-Control', 'public, max-age=0, must-revalidate');
      return c.json(
        {
          tilejson: '3.0.0' as const,
          name: `CBS ${level}grenzen`,
          attribution: TILE_ATTRIBUTION,
          version: v,
          scheme: 'xyz' as const,
          tiles: [template],
          minzoom: TILE_MIN_ZOOM[level],
          maxzoom: TILE_MAX_ZOOM,
          bounds: tiles.bounds(),
          vector_layers: [{ id: level, fields: { code: 'CBS-code (String)' }, minzoom: TILE_MIN_ZOOM[level], maxzoom: TILE_MAX_ZOOM }],
        },
        200,
      );
    })
    .get('/tiles/:level/:z/:x/:tile{[^/]+\\.mvt}', (c) => {
      const level = levelOf(c.req.param('level'));
      const [zs, xs, ys] = [c.req.param('z'), c.req.param('x'), c.req.param('tile').replace(/\.mvt$/, '')];
      const address = tileAddress(`/api/tiles/${level}/${zs}/${xs}/${ys}.mvt`);
      if (!address) {
        const [z, x] = [zs, xs].map((s) => (/^\d{1,7}$/.test(s) ? Number(s) : NaN));
        const parameter = !isTileAddress(level, z, 0, 0) ? 'z' : !isTileAddress(level, z, x, 0) ? 'x' : 'y';
        throw new ApiError(404, `no ${level} tile ${zs}/${xs}/${ys}: z is ${TILE_MIN_ZOOM[level]}-${TILE_MAX_ZOOM}, x and y are 0 to 2^z - 1`, parameter);
      }
      const answer = tileAnswer(tiles, address, c.req.query('v'), c.req.header('If-None-Match'), c.req.header('Accept-Encoding'));
      return sendBytes(c, answer);
    });
}

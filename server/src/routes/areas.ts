// GET /areas: the boundaries of a gemeente (or NL) as TopoJSON; http/areaAnswer.ts negotiates ETag
// and encoding (the same function answers the fast path in app.ts).
import { Hono } from 'hono';
import type { Dataset } from '../store/dataset.ts';
import { ApiError } from '../compute/errors.ts';
import { parseQuery } from '../http/errors.ts';
import { areaAnswer, areasQuery } from '../http/areaAnswer.ts';
import { sendBytes } from '../http/bytesAnswer.ts';

export function areasRoutes(ds: Dataset) {
  return new Hono().get('/areas', (c) => {
    // Only the one parameter is read (c.req.query() would decode the whole query string into an object).
    const gemeente = c.req.query('gemeente');
    const answer = areaAnswer(ds, gemeente, c.req.header('If-None-Match'), c.req.header('Accept-Encoding'));
    if (!answer) {
      // The error answers: 400 naming the parameter, or 404 for a gemeente not in the data.
      const q = parseQuery(areasQuery, { gemeente });
      throw new ApiError(404, `gemeente ${q.gemeente} is not in the data`, 'gemeente');
    }
    return sendBytes(c, answer);
  });
}

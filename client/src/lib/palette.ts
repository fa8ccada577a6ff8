// The palettes live with the server's pure domain code because the printed reports colour their maps with
// the same classes; this is the client's door to them (plain constants and functions, no server runtime).
export * from '../../../server/src/domain/palette.ts';

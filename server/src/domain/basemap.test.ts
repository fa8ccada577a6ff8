import { describe, expect, it } from 'vitest';
import { basemapOrigins, resolveBasemap } from './basemap.ts';

describe('basemap settings', () => {
  it('knows the PDOK presets and none; an empty setting is none', () => {
    expect(resolveBasemap('pdok-grijs')).toMatchObject({ tiles: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png', attribution: 'Kadaster / PDOK' });
    expect(resolveBasemap('none')).toMatchObject({ tiles: null, style: null });
    expect(resolveBasemap('')).toMatchObject({ id: 'none' });
  });

  it('takes an XYZ template or a style URL over https (http only on the machine itself)', () => {
    expect(resolveBasemap('https://tiles.example.nl/{z}/{x}/{y}.png')).toMatchObject({ id: 'eigen', tiles: 'https://tiles.example.nl/{z}/{x}/{y}.png', style: null, attribution: 'tiles.example.nl' });
    expect(resolveBasemap('https://tiles.example.nl/style.json')).toMatchObject({ id: 'eigen', tiles: null, style: 'https://tiles.example.nl/style.json' });
    expect(resolveBasemap('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toMatchObject({ id: 'eigen' });
    expect(resolveBasemap('http://tiles.example.nl/{z}/{x}/{y}.png')).toBeNull();
    expect(resolveBasemap('javascript:alert(1)')).toBeNull();
    expect(resolveBasemap('grijs')).toBeNull();
  });

  it('allows the presets and the configured origin, nothing else', () => {
    expect(basemapOrigins(resolveBasemap('https://tiles.example.nl/{z}/{x}/{y}.png'))).toEqual(['https://service.pdok.nl', 'https://tiles.example.nl']);
    expect(basemapOrigins(resolveBasemap('none'))).toEqual(['https://service.pdok.nl']);
  });
});

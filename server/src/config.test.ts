import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has defaults for a clean start', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({ PORT: 8787, HOST: '127.0.0.1', DEFAULT_GEMEENTE: 'GM0935', geodataDir: '/srv/shared/geodata', dataDir: '/srv/app/data', CBS_UPDATE_SCHEDULE: 'uit' });
    expect(loadConfig({ CBS_UPDATE_SCHEDULE: 'maandelijks' }).CBS_UPDATE_SCHEDULE).toBe('maandelijks');
  });

  it('fails fast naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DEFAULT_GEMEENTE: 'Maastricht' })).toThrow(/DEFAULT_GEMEENTE: expected a CBS gemeente code/);
    expect(() => loadConfig({ CBS_UPDATE_SCHEDULE: 'monthly' })).toThrow(/CBS_UPDATE_SCHEDULE: expected 'uit' or 'maandelijks'/);
  });
});

// DATABASE_URL and MAX_UPLOAD_MB: optional, validated at start, and a bad value never echoes a password.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';

describe('store settings', () => {
  it('defaults: the embedded store, 250 MB uploads', () => {
    expect(loadConfig({}, '/srv/app')).toMatchObject({ DATABASE_URL: undefined, MAX_UPLOAD_MB: 250 });
    expect(loadConfig({ DATABASE_URL: '' }, '/srv/app').DATABASE_URL).toBeUndefined();
  });

  it('accepts postgres:// and postgresql:// URLs, socket form included', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://bvk:pw@db:5432/bvk' }).DATABASE_URL).toBe('postgres://bvk:pw@db:5432/bvk');
    expect(loadConfig({ DATABASE_URL: 'postgresql://bvk@/bvk?host=/tmp/x&port=5439' }).DATABASE_URL).toMatch(/^postgresql:/);
    expect(loadConfig({ MAX_UPLOAD_MB: '0.5' }).MAX_UPLOAD_MB).toBe(0.5);
  });

  it('fails fast naming the variable, without the password', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://root:geheim@db/bvk' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL: expected postgres:\/\//);
    expect(message).not.toContain('geheim');
    expect(() => loadConfig({ MAX_UPLOAD_MB: '0' })).toThrow(/MAX_UPLOAD_MB/);
    expect(() => loadConfig({ MAX_UPLOAD_MB: 'veel' })).toThrow(/MAX_UPLOAD_MB/);
  });
});

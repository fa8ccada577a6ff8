// Builds the derived geodata once before the test files run in parallel.
import { ensureGeodata } from './testApp.ts';

export function setup() {
  ensureGeodata();
}

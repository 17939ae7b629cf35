import { buildWebIfStale } from '../scripts/build-web-if-stale.ts';

// The browser tests run against the built web app: build it first when its sources changed.
export default function setup(): void {
  buildWebIfStale();
}

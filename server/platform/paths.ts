import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder that holds package.json; paths of shipped files are resolved from it. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where `vite build` puts the web app that the server serves. */
export const builtWebRoot = join(repositoryRoot, 'dist/web');

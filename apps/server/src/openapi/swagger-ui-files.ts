import { join } from 'node:path';
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path';

/**
 * The files of swagger-ui-dist the docs page loads, served by Beacon itself: the machines it runs on
 * may have no way out to a CDN. Only these names are served, so a request cannot wander elsewhere.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui.css.map': 'application/json',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-bundle.js.map': 'application/json',
  'favicon-32x32.png': 'image/png',
};

export interface SwaggerUiFile {
  path: string;
  type: string;
}

export function swaggerUiFile(name: string): SwaggerUiFile | undefined {
  const type = Object.hasOwn(CONTENT_TYPES, name) ? CONTENT_TYPES[name] : undefined;
  return type === undefined ? undefined : { path: join(getAbsoluteFSPath(), name), type };
}

import { heartbeatSchema } from '@beacon/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';
import { API_VERSION } from './api-version';

let test: TestApp;

// With keys required everywhere else, the document and its page must still need none.
beforeAll(async () => {
  test = await startTestApp({ BEACON_AUTH: 'on' });
});
afterAll(() => test.close());

const get = (url: string) => test.request({ method: 'GET', url });

describe('GET /api/openapi.json', () => {
  it('answers the OpenAPI 3.1 document, without a key', async () => {
    const response = await get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const document = response.json();
    expect(document).toMatchObject({ openapi: '3.1.0', info: { version: API_VERSION } });
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/heartbeats', '/api/v1/assets/{id}/heartbeats']));
  });

  it('holds the heartbeat schema the server validates with', async () => {
    const { $id: _id, ...schema } = heartbeatSchema;
    expect((await get('/api/openapi.json')).json().components.schemas.Heartbeat).toEqual(schema);
  });
});

describe('GET /api/docs', () => {
  it('answers a page that loads Swagger UI from this server only', async () => {
    const response = await get('/api/docs');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('src="/api/docs/swagger-ui-bundle.js"');
    expect(response.body).toContain('href="/api/docs/swagger-ui.css"');
    expect(response.body).not.toMatch(/(https?:)?\/\/[a-z]/i);
  });

  it('serves the local swagger-ui bundle and stylesheet', async () => {
    const bundle = await get('/api/docs/swagger-ui-bundle.js');
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/^text\/javascript/);
    expect(bundle.body.length).toBeGreaterThan(100_000);
    expect(bundle.body).toContain('SwaggerUIBundle');
    const css = await get('/api/docs/swagger-ui.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('points Swagger UI at the document, with no outside validator', async () => {
    const script = await get('/api/docs/swagger-initializer.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toContain("url: '/api/openapi.json'");
    expect(script.body).toContain('validatorUrl: null');
  });

  it('serves no other file of the package', async () => {
    for (const name of ['index.html', 'package.json', '..%2Fpackage.json', 'swagger-ui-es-bundle.js']) {
      const response = await get(`/api/docs/${name}`);
      expect({ name, status: response.statusCode }).toEqual({ name, status: 404 });
      expect(response.json().error).toBe('not_found');
    }
  });
});

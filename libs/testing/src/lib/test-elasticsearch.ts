import { randomBytes } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';

export interface TestElasticsearch {
  client: Client;
  url: string;
  /** A prefix no other test file uses: `<prefix>-*` are this file's indices. */
  prefix: string;
  /** Deletes this file's indices and templates, and closes the client. */
  dispose(): Promise<void>;
}

/**
 * The run's Elasticsearch with a fresh index prefix. There is no fallback: without a node the
 * test fails and says how to get one.
 */
export async function createTestElasticsearch(): Promise<TestElasticsearch> {
  const url = process.env['BEACON_TEST_ELASTICSEARCH_URL'];
  if (!url) {
    throw new Error(
      'BEACON_TEST_ELASTICSEARCH_URL is not set: integration tests need a real Elasticsearch. ' +
        'Run them with `npm run test:int`, which starts one (tools/elasticsearch).',
    );
  }
  const client = new Client({ node: url });
  const prefix = `test-${randomBytes(5).toString('hex')}`;
  return {
    client,
    url,
    prefix,
    dispose: async () => {
      await client.indices.delete({ index: `${prefix}-*`, ignore_unavailable: true, allow_no_indices: true });
      await client.indices.deleteIndexTemplate({ name: `${prefix}-*` }, { ignore: [404] });
      await client.close();
    },
  };
}

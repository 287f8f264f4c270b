import baseConfig from '../eslint.config.mjs';

export default [
  // What the Elasticsearch script downloads and the node it runs keeps.
  { ignores: ['elasticsearch/target', 'elasticsearch/.data'] },
  ...baseConfig,
];

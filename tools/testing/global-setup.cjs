// The services of an integration-test run, started side by side: PostgreSQL and Elasticsearch.
const startTestPostgres = require('./postgres.global-setup.cjs');
const startTestElasticsearch = require('./elasticsearch.global-setup.cjs');

module.exports = async function startTestServices() {
  await Promise.all([startTestPostgres(), startTestElasticsearch()]);
};

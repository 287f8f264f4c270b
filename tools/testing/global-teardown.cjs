const stopTestPostgres = require('./postgres.global-teardown.cjs');
const { stopTestElasticsearch } = require('./elasticsearch.global-setup.cjs');

module.exports = async function stopTestServices() {
  try {
    stopTestElasticsearch();
  } finally {
    await stopTestPostgres();
  }
};

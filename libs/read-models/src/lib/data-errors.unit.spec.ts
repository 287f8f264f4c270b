import { BulkWriteError } from './elasticsearch/elasticsearch-projection';
import { isPostgresDataError } from './postgres/assets.projection';

describe('telling data refused from a store in trouble', () => {
  it.each([
    ['22003', true], // numeric value out of range
    ['23514', true], // check violation
    ['54000', true], // program limit exceeded
    ['57P01', false], // admin shutdown
    ['08006', false], // connection failure
    ['40P01', false], // deadlock
    ['57014', false], // statement timeout
    ['ECONNREFUSED', false],
  ])('PostgreSQL %s → data error: %s', (code, expected) => {
    expect(isPostgresDataError(Object.assign(new Error('x'), { code }))).toBe(expected);
  });

  it.each([
    [400, 'document_parsing_exception', true],
    [400, 'mapper_parsing_exception', true],
    [400, 'strict_dynamic_mapping_exception', true],
    [400, 'illegal_argument_exception', false], // e.g. an alias with no write index: the cluster's set-up
    [429, 'es_rejected_execution_exception', false],
    [503, 'unavailable_shards_exception', false],
    [404, 'index_not_found_exception', false],
  ])('Elasticsearch %s %s → data error: %s', (status, type, expected) => {
    expect(new BulkWriteError([{ status, type, description: 'i/1' }]).documentsRefused).toBe(expected);
  });

  it('Elasticsearch: a bulk answer with one refusal of each kind is not a data error', () => {
    const refused = [
      { status: 400, type: 'document_parsing_exception', description: 'i/1' },
      { status: 429, type: 'es_rejected_execution_exception', description: 'i/2' },
    ];
    expect(new BulkWriteError(refused).documentsRefused).toBe(false);
  });
});

import { MAX_NESTING, findUnsafeValue } from './unsafe-text';

/** Arrays in arrays, as a hostile body arrives: parsed from its JSON text. */
const nested = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}1${']'.repeat(levels)}`);

describe('findUnsafeValue', () => {
  it.each([
    ['a NUL', 'VIN\u0000'],
    ['a bell', 'a\u0007b'],
    ['DEL', 'x\u007f'],
    ['a lone high surrogate', 'x\ud800y'],
    ['a lone low surrogate', '\udc00'],
  ])('finds %s in a string, and names the field', (_what, text) => {
    expect(findUnsafeValue({ items: [{ name: 'ok' }, { name: text }] }, '')).toEqual({
      field: 'items[1].name',
      reason: 'must not contain control characters or unpaired UTF-16 surrogates',
    });
  });

  it('passes ordinary text: tabs, line breaks, accents, and characters outside the BMP as pairs', () => {
    expect(findUnsafeValue({ name: 'Åke\tLindén\r\nStockholm 🚚', tags: ['日本'], n: 1, ok: true, none: null }, '')).toBeNull();
  });

  it('finds unsafe text in a key', () => {
    expect(findUnsafeValue({ 'a\u0000': 1 }, 'body')?.field).toBe('body.a\u0000');
  });

  it(`refuses nesting deeper than ${MAX_NESTING} levels, and takes ${MAX_NESTING}`, () => {
    expect(findUnsafeValue({ lat: nested(MAX_NESTING - 1) }, '')).toBeNull();
    expect(findUnsafeValue({ lat: nested(5_000) }, '')?.reason).toMatch(/nests deeper/);
  });
});

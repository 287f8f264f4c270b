import { Ajv2020 } from 'ajv/dist/2020';
import { MAX_NESTING, SAFE_TEXT_PATTERN, findUnsafeValue } from './unsafe-text';

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

describe('SAFE_TEXT_PATTERN', () => {
  // Compiled as the server and the document's readers compile it: ajv, with the `u` flag.
  const matches = new Ajv2020().compile({ type: 'string', pattern: SAFE_TEXT_PATTERN });

  it('refuses the control characters findUnsafeValue refuses and takes what it takes, character by character', () => {
    const samples = ['', 'Åke\tLindén\r\nStockholm', '🚚 日本', 'x\ud83d\ude9a', '\u007e\u0080\u00a0'];
    for (let code = 0; code < 0x80; code++) samples.push(`a${String.fromCharCode(code)}b`);
    for (const text of samples) {
      expect({ text, matches: matches(text) }).toEqual({ text, matches: findUnsafeValue(text, '') === null });
    }
  });
});

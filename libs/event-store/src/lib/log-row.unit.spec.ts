import { readAllStatement } from './log-row';

describe('readAllStatement', () => {
  it('writes the bounds into the COPY as numbers', () => {
    const sql = readAllStatement(41n, 500, 9_007_199_254_740_993n);
    expect(sql).toContain('global_position > 41 AND global_position <= 9007199254740993 ORDER BY global_position LIMIT 500');
    expect(sql).toMatch(/^COPY \(SELECT/);
    expect(sql).toMatch(/TO STDOUT \(FORMAT binary\)$/);
  });

  it('refuses anything else, since COPY takes no parameters', () => {
    expect(() => readAllStatement('0; DROP TABLE events' as unknown as bigint, 10, 5n)).toThrow(TypeError);
    expect(() => readAllStatement(0n, 10, 5 as unknown as bigint)).toThrow(TypeError);
    expect(() => readAllStatement(0n, 1.5, 5n)).toThrow(RangeError);
    expect(() => readAllStatement(0n, -1, 5n)).toThrow(RangeError);
  });
});

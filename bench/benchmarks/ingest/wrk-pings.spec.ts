import { describe, expect, it } from '@jest/globals';
import { childCpuSeconds, parseSummary } from './wrk-pings';

// What a wrk run with ping.lua prints, followed by bash's `times` (the shell's own, then its children's).
const OUTPUT = `Running 5s test @ http://127.0.0.1:41234
  2 threads and 100 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     9.12ms    6.01ms  87.30ms   91.20%
  51229 requests in 5.00s, 9.63MB read
Requests/sec:  10243.52
Transfer/sec:      1.93MB
WRK_RESULT {"requests":51229,"status_errors":0,"socket_errors":0,"timeouts":0,"duration_us":5001234,"p50_us":8312,"p99_us":87301}
0m0.002s 0m0.001s
1m2.500s 0m0.750s
`;

describe('wrk-pings', () => {
  it("reads ping.lua's result line among wrk's own output", () => {
    expect(parseSummary(OUTPUT)).toEqual({
      requests: 51_229,
      status_errors: 0,
      socket_errors: 0,
      timeouts: 0,
      duration_us: 5_001_234,
      p50_us: 8_312,
      p99_us: 87_301,
    });
    expect(() => parseSummary('unable to connect to 127.0.0.1:41234 Connection refused')).toThrow('no result line');
  });

  it("takes wrk's CPU from the children's line of `times`, user and system together", () => {
    expect(childCpuSeconds(OUTPUT)).toBeCloseTo(63.25, 6);
    expect(() => childCpuSeconds('WRK_RESULT {}')).toThrow('no CPU times');
  });
});

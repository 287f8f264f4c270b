import { parseSimulatorOptions } from './simulator-options';
import { parseDuration, parseSpeed } from './quantities';

describe('the command line', () => {
  it('reads the documented example', () => {
    const argv =
      '--vehicles 1000 --aircraft 200 --interval 5s --duration 10m --format osmand --seed 42 --url http://127.0.0.1:3000/ --key k'.split(
        ' ',
      );
    expect(parseSimulatorOptions(argv, {})).toEqual({
      url: 'http://127.0.0.1:3000',
      key: 'k',
      formats: { vehicles: 'osmand', aircraft: 'readsb' },
      concurrency: 16,
      progress: true,
      run: {
        kind: 'live',
        vehicles: 1000,
        aircraft: 200,
        intervalMs: 5_000,
        durationMs: 600_000,
        seed: 42,
        silentShare: 0.05,
        record: null,
      },
    });
  });

  it('replays a recording at a speed, and takes the key from BEACON_API_KEY', () => {
    const options = parseSimulatorOptions(['--replay', 'run.ndjson', '--speed', '10x'], { BEACON_API_KEY: 'from-env' });
    expect(options.key).toBe('from-env');
    expect(options.run).toEqual({ kind: 'replay', file: 'run.ndjson', speed: 10 });
  });

  it.each([
    [['--key', 'k', '--interval', 'soon'], /--interval/],
    [['--key', 'k', '--silent', '1.5'], /--silent/],
    [['--key', 'k', '--vehicles', '-1'], /--vehicles/],
    [['--key', 'k', '--format', 'kml'], /--format/],
    [['--key', 'k', '--replay', 'a', '--record', 'b'], /--record and --replay/],
    [['--key', 'k', '--replay', 'a', '--speed', '0x'], /--speed/],
    [[], /--key/],
  ])('refuses %j naming the option', (argv, message) => {
    expect(() => parseSimulatorOptions(argv, {})).toThrow(message);
  });

  it('reads durations and speeds in their units', () => {
    expect([parseDuration('500ms'), parseDuration('5s'), parseDuration('10m'), parseDuration('1h'), parseDuration('2')]).toEqual([
      500, 5_000, 600_000, 3_600_000, 2_000,
    ]);
    expect([parseDuration('0s'), parseDuration('5 days')]).toEqual([undefined, undefined]);
    expect([parseSpeed('10x'), parseSpeed('2.5'), parseSpeed('x')]).toEqual([10, 2.5, undefined]);
  });
});

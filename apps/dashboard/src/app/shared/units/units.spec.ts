import { TestBed } from '@angular/core/testing';
import { UNITS_STORAGE_KEY, readUnitChoice } from './unit-preference';
import { UnitPicker } from './unit-picker';
import { convertAltitude, convertSpeed, convertVerticalRate, formatAltitude, formatSpeed, formatVerticalRate } from './units';
import { Units } from './units-choice';

describe('units', () => {
  it('converts metres per second to km/h and knots', () => {
    expect(convertSpeed(10, 'km/h')).toBeCloseTo(36, 9);
    expect(convertSpeed(1852 / 3600, 'kn')).toBeCloseTo(1, 9);
    expect(formatSpeed(12.5, 'km/h')).toBe('45 km/h');
    expect(formatSpeed(250, 'kn')).toBe('486 kn');
    expect(formatSpeed(null, 'kn')).toBe('—');
  });

  it('converts metres to feet, and the vertical rate to ft/min with them', () => {
    expect(convertAltitude(0.3048, 'ft')).toBeCloseTo(1, 9);
    expect(convertAltitude(120, 'm')).toBe(120);
    expect(formatAltitude(10_668, 'ft')).toBe('35,000 ft');
    expect(formatAltitude(10_668, 'm')).toBe('10,668 m');
    expect(formatAltitude(null, 'm')).toBe('—');
    expect(convertVerticalRate(0.3048, 'ft')).toBeCloseTo(60, 9);
    expect(convertVerticalRate(-3, 'm')).toBe(-3);
  });

  it('signs a climb + and a descent −, and calls level flight 0', () => {
    expect(formatVerticalRate(5.08, 'm')).toBe('+5.1 m/s');
    expect(formatVerticalRate(-5.08, 'ft')).toBe('−1,000 ft/min');
    expect(formatVerticalRate(0.01, 'm')).toBe('0 m/s');
    expect(formatVerticalRate(-0.001, 'ft')).toBe('0 ft/min');
    expect(formatVerticalRate(null, 'ft')).toBe('—');
  });
});

describe('the chosen units', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    TestBed.resetTestingModule();
    localStorage.clear();
  });

  it('start as km/h and metres, and from what was remembered, ignoring what makes no sense', () => {
    expect(TestBed.inject(Units).choice()).toEqual({ speed: 'km/h', altitude: 'm' });
    localStorage.setItem(UNITS_STORAGE_KEY, JSON.stringify({ speed: 'kn', altitude: 'furlongs' }));
    expect(readUnitChoice()).toEqual({ speed: 'kn', altitude: 'm' });
    localStorage.setItem(UNITS_STORAGE_KEY, 'not json');
    expect(readUnitChoice()).toEqual({ speed: 'km/h', altitude: 'm' });
  });

  it('are picked in the header’s selects and remembered', () => {
    const fixture = TestBed.createComponent(UnitPicker);
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const pick = (testId: string, value: string) => {
      const select = host.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`) as HTMLSelectElement;
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };

    pick('unit-speed', 'kn');
    pick('unit-altitude', 'ft');
    expect(TestBed.inject(Units).choice()).toEqual({ speed: 'kn', altitude: 'ft' });
    expect(readUnitChoice()).toEqual({ speed: 'kn', altitude: 'ft' });
  });
});

import { isDashboardNavigation } from './dashboard-navigation';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('isDashboardNavigation', () => {
  it('takes a browser opening a path of the dashboard, with or without a query', () => {
    expect(isDashboardNavigation('GET', '/assets/VIN-1', BROWSER)).toBe(true);
    expect(isDashboardNavigation('GET', '/assets/VIN-1?status=online&q=abc', BROWSER)).toBe(true);
    expect(isDashboardNavigation('GET', '/no/such/page', 'text/html')).toBe(true);
    expect(isDashboardNavigation('GET', '/apiary', BROWSER)).toBe(true);
  });

  it('leaves the API, the health checks and the metrics their 404 even for a browser', () => {
    for (const url of [
      '/api',
      '/api/v1/nothing',
      '/api/v1/assets/VIN-1/nothing?x=1',
      '/health',
      '/health/nothing',
      '/metrics',
      '/metrics/x',
    ]) {
      expect(isDashboardNavigation('GET', url, BROWSER)).toBe(false);
    }
  });

  it('leaves clients that do not ask for HTML, or refuse it, their JSON 404', () => {
    expect(isDashboardNavigation('GET', '/assets/VIN-1', undefined)).toBe(false);
    expect(isDashboardNavigation('GET', '/assets/VIN-1', '*/*')).toBe(false);
    expect(isDashboardNavigation('GET', '/assets/VIN-1', 'text/*')).toBe(false);
    expect(isDashboardNavigation('GET', '/assets/VIN-1', 'application/json')).toBe(false);
    expect(isDashboardNavigation('GET', '/assets/VIN-1', 'text/html;q=0, application/json')).toBe(false);
    expect(isDashboardNavigation('GET', '/assets/VIN-1', 'application/json, TEXT/HTML; q=0.5')).toBe(true);
  });

  it('answers only GET', () => {
    expect(isDashboardNavigation('POST', '/assets/VIN-1', BROWSER)).toBe(false);
    expect(isDashboardNavigation('DELETE', '/assets/VIN-1', BROWSER)).toBe(false);
  });
});

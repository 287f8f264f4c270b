/**
 * The e2e server's port and admin key, shared by the Playwright config and the tests. The port can be
 * moved (`BEACON_E2E_PORT`) so that two checkouts on one machine can run their e2e suites at once.
 */
export const E2E_PORT = Number(process.env['BEACON_E2E_PORT'] ?? 3217);
export const E2E_ADMIN_KEY = 'e2e-admin-key-0123456789';

/** The link `npm start` prints: the key in the fragment, which never reaches the server. */
/** The demo fleet (apps/server/src/demo/demo-fleet.ts): 7 vehicles of three customers, 3 aircraft of a fourth. */
export const DEMO_VEHICLES = 7;
export const DEMO_AIRCRAFT = 3;
export const DEMO_ASSETS = DEMO_VEHICLES + DEMO_AIRCRAFT;

export const signInLink = (key: string): string => `/#key=${encodeURIComponent(key)}`;

import type { Routes } from '@angular/router';

/**
 * The dashboard's addresses (see fleet/fleet-url/fleet-view.ts). No route has a component: the
 * fleet page is shown by `App` once signed in, and reads the address itself, so that a link opened
 * while signed out keeps its address through the sign-in screen and lands where it points, and
 * moving between `/` and `/assets/:id` never rebuilds the page, its polling or its map.
 */
export const APP_ROUTES: Routes = [
  { path: '', pathMatch: 'full', children: [] },
  { path: 'assets/:id', children: [] },
  { path: '**', redirectTo: '' },
];

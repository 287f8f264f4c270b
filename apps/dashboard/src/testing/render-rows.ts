import type { ComponentFixture } from '@angular/core/testing';

/**
 * Change detection until the fleet table's rows are in the DOM: its virtual scroll measures its box
 * and renders rows a frame after the data arrives (animation frames run for real under
 * `jasmine.clock()`, which mocks timers only).
 */
export async function renderRows(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let frame = 0; frame < 3; frame++) {
    fixture.detectChanges();
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  fixture.detectChanges();
}

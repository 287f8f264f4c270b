import { DuplicateOutlook } from './duplicate-outlook';

describe('DuplicateOutlook', () => {
  it('expects no duplicates until an append meets one', () => {
    const outlook = new DuplicateOutlook(3);
    outlook.appended(false);
    expect(outlook.expectsDuplicates()).toBe(false);
  });

  it('expects duplicates for the given number of appends after one met them, then tries plain appends again', () => {
    const outlook = new DuplicateOutlook(3);
    outlook.appended(true);
    const seen = [];
    for (let i = 0; i < 4; i++) {
      seen.push(outlook.expectsDuplicates());
      outlook.appended(false);
    }
    expect(seen).toEqual([true, true, true, false]);
  });

  it('starts counting again when a careful append meets duplicates too', () => {
    const outlook = new DuplicateOutlook(2);
    outlook.appended(true);
    outlook.appended(false);
    outlook.appended(true);
    outlook.appended(false);
    expect(outlook.expectsDuplicates()).toBe(true);
    outlook.appended(false);
    expect(outlook.expectsDuplicates()).toBe(false);
  });
});

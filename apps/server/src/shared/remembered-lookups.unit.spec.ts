import { RememberedLookups } from './remembered-lookups';

/** A read that answers when told, counting its calls. */
function controlledRead() {
  const pending: Array<(value: string) => void> = [];
  const read = jest.fn((_id: string) => new Promise<string>((resolve) => pending.push(resolve)));
  return { read, answer: (value: string) => pending.shift()?.(value) };
}

describe('RememberedLookups', () => {
  it('shares one read among lookups under way, and trusts its answer for trustMs from the read', async () => {
    const lookups = new RememberedLookups<string>(1_000, 10);
    const { read, answer } = controlledRead();
    const both = Promise.all([lookups.lookUp('a', read, 0), lookups.lookUp('a', read, 5)]);
    answer('first');
    expect(await both).toEqual(['first', 'first']);
    expect(read).toHaveBeenCalledTimes(1);
    expect(lookups.recall('a', 999)?.value).toBe('first');
    expect(lookups.recall('a', 1_000)).toBeUndefined();
  });

  it('does not remember a read that began before a forgetting', async () => {
    const lookups = new RememberedLookups<string>(1_000, 10);
    const { read, answer } = controlledRead();
    const stale = lookups.lookUp('a', read, 0);
    lookups.forget('b');
    answer('old');
    expect(await stale).toBe('old');
    expect(lookups.recall('a', 1)).toBeUndefined();
  });

  it('forgets one id, or all, at once', async () => {
    const lookups = new RememberedLookups<string>(1_000, 10);
    await lookups.lookUp('a', async () => 'A', 0);
    await lookups.lookUp('b', async () => 'B', 0);
    lookups.forget('a');
    expect([lookups.recall('a', 1)?.value, lookups.recall('b', 1)?.value]).toEqual([undefined, 'B']);
    lookups.forgetAll();
    expect(lookups.recall('b', 1)).toBeUndefined();
  });

  it('starts afresh beyond maxRemembered ids', async () => {
    const lookups = new RememberedLookups<string>(1_000, 2);
    for (const id of ['a', 'b', 'c']) await lookups.lookUp(id, async () => id.toUpperCase(), 0);
    expect(['a', 'b', 'c'].map((id) => lookups.recall(id, 1)?.value)).toEqual([undefined, undefined, 'C']);
  });
});

import { Injectable } from '@angular/core';
import type { UrlTree } from '@angular/router';
import { DefaultUrlSerializer } from '@angular/router';

/**
 * Reads addresses for the router without the key of a sign-in link (`#key=…`). `Session` takes the
 * key out of the address bar (key-from-link.ts), but the router also hears a link opened in a tab
 * already showing the dashboard (`hashchange`, `popstate`) and, on finishing that navigation, writes
 * the address it read back into the bar: with the key, it would undo what `Session` did.
 */
@Injectable()
export class UrlSerializerWithoutKey extends DefaultUrlSerializer {
  override parse(url: string): UrlTree {
    const tree = super.parse(url);
    if (tree.fragment === null) return tree;
    const fragment = new URLSearchParams(tree.fragment);
    if (!fragment.has('key')) return tree;
    fragment.delete('key');
    tree.fragment = fragment.toString() || null;
    return tree;
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { parseKey, type BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG } from '../config/config.tokens';
import { keyDigest, sameDigest } from './api-key';

/** How often a key that came from a file is read again: a rotated key is in force within about this long. */
export const ADMIN_KEY_REREAD_MS = 1000;

/**
 * The bootstrap admin key: `BEACON_ADMIN_KEY`, `BEACON_ADMIN_KEY_FILE` or the demo's file. A key
 * that came from a file is read again every second, so writing a new key into the file (`npm run
 * admin-key:rotate`) puts it in force without a restart, and the old one is refused from then on.
 * The file is opened by name each time, so a file replaced by a rename (a new inode, as the rotation
 * writes it) is followed as well as one rewritten in place. A file that is missing, unreadable or
 * holds no valid key (say, caught half-way through an editor's save) leaves the current key in
 * force, with a warning: a bad write must not lock the admin out.
 */
@Injectable()
export class BootstrapAdminKey implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BootstrapAdminKey.name);
  private readonly file: string | null;
  private digest: Buffer | null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The last warning given, so that a file that stays bad is reported once, not every second. */
  private warned: string | null = null;

  constructor(@Inject(BEACON_CONFIG) config: BeaconConfig) {
    this.digest = config.adminKey ? keyDigest(config.adminKey).bytes : null;
    this.file = config.adminKey ? config.adminKeyFile : null;
  }

  /** True when `digest` is the digest of the admin key in force (constant-time). */
  matches(digest: Buffer): boolean {
    return this.digest !== null && sameDigest(digest, this.digest);
  }

  /** The digest of the admin key in force (what its live tickets are signed with); null without one. */
  digestInForce(): Buffer | null {
    return this.digest;
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** One read after another, never two at once (a read on a hung file system must not pile up). */
  private schedule(): void {
    const file = this.file;
    if (file === null || this.stopped) return;
    this.timer = setTimeout(() => void this.reread(file).finally(() => this.schedule()), ADMIN_KEY_REREAD_MS);
    this.timer.unref();
  }

  private async reread(file: string): Promise<void> {
    let key: string | null;
    try {
      key = parseKey('the admin key', (await readFile(file, 'utf8')).trim());
    } catch (error) {
      this.warnOnce(`the current admin key stays in force (${file}: ${(error as Error).message})`);
      return;
    }
    this.warned = null;
    if (key === null) return;
    const digest = keyDigest(key).bytes;
    if (this.matches(digest)) return;
    this.digest = digest;
    // Never the key itself: that the key changed, and where it came from, is what an operator needs.
    this.logger.log(`the admin key was replaced by the one in ${file}; the previous one is refused from now on`);
  }

  private warnOnce(message: string): void {
    if (message === this.warned) return;
    this.warned = message;
    this.logger.warn(message);
  }
}

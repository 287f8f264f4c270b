import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { DemoFleetRegistrar } from './demo-fleet.registrar';
import { DemoSender } from './demo-sender.service';

/** `BEACON_DEMO=on`: registers the demo fleet once and keeps most of it moving. */
@Module({ providers: [DemoFleetRegistrar, DemoSender] })
export class DemoModule implements OnApplicationBootstrap {
  constructor(
    private readonly registrar: DemoFleetRegistrar,
    private readonly sender: DemoSender,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.registrar.registerMissing();
    this.sender.start();
  }
}

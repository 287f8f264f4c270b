import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { BeaconConfig } from './beacon-config';
import { BEACON_CONFIG } from './config.tokens';

/** Makes the validated configuration injectable everywhere as `BEACON_CONFIG`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: BeaconConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: BEACON_CONFIG, useValue: config }],
      exports: [BEACON_CONFIG],
    };
  }
}

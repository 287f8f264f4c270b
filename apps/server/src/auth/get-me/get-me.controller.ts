import type { MeResponse } from '@beacon/contracts';
import { ASSET_READ_MODEL, type AssetReadModel } from '@beacon/read-models';
import { Controller, Get, Inject } from '@nestjs/common';
import { CurrentPrincipal, ReadAccess } from '../access.decorators';
import { KeyRecords } from '../key-records';
import { ANONYMOUS_READER, BOOTSTRAP_ADMIN, readScope, type Principal } from '../principal';

/**
 * `GET /api/v1/me`: who the presented key is, for a client to show after sign-in. The key's name
 * comes from its events; the customer's name from the read model (null until it shows the customer).
 */
@Controller('api/v1/me')
export class GetMeController {
  constructor(
    private readonly records: KeyRecords,
    @Inject(ASSET_READ_MODEL) private readonly readModel: AssetReadModel,
  ) {}

  @Get()
  @ReadAccess()
  async me(@CurrentPrincipal() caller: Principal): Promise<MeResponse> {
    const customerId = readScope(caller);
    // The bootstrap admin key and the anonymous reader were never issued: they have no name.
    const issued = caller.keyId !== BOOTSTRAP_ADMIN.keyId && caller.keyId !== ANONYMOUS_READER.keyId;
    const [record, customers] = await Promise.all([
      issued ? this.records.byId(caller.keyId) : Promise.resolve(null),
      customerId === null ? Promise.resolve([]) : this.readModel.customers(),
    ]);
    return {
      // A read route: the guard has let admin and viewer keys through only.
      role: caller.role === 'admin' ? 'admin' : 'viewer',
      customerId,
      customerName: customers.find((customer) => customer.id === customerId)?.name ?? null,
      keyName: record?.name ?? null,
    };
  }
}

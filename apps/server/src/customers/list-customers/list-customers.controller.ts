import type { CustomerList } from '@beacon/contracts';
import type { CustomerView } from '@beacon/read-models';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, ReadAccess } from '../../auth/access.decorators';
import { readScope, type Principal } from '../../auth/principal';
import { ListCustomersQuery } from './list-customers.query';

@Controller('api/v1/customers')
export class ListCustomersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ReadAccess()
  async list(@CurrentPrincipal() caller: Principal): Promise<CustomerList> {
    return { items: await this.queries.execute<ListCustomersQuery, CustomerView[]>(new ListCustomersQuery(readScope(caller))) };
  }
}

import type { CustomerView } from '@beacon/read-models';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ReadAccess } from '../../auth/access.decorators';
import { ListCustomersQuery } from './list-customers.query';

@Controller('api/v1/customers')
export class ListCustomersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ReadAccess()
  async list(): Promise<{ items: CustomerView[] }> {
    return { items: await this.queries.execute<ListCustomersQuery, CustomerView[]>(new ListCustomersQuery()) };
  }
}

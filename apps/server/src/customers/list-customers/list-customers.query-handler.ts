import { ASSET_READ_MODEL, type AssetReadModel, type CustomerView } from '@beacon/read-models';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ListCustomersQuery } from './list-customers.query';

@QueryHandler(ListCustomersQuery)
export class ListCustomersQueryHandler implements IQueryHandler<ListCustomersQuery, CustomerView[]> {
  constructor(@Inject(ASSET_READ_MODEL) private readonly readModel: AssetReadModel) {}

  execute(): Promise<CustomerView[]> {
    return this.readModel.customers();
  }
}

import { ASSET_READ_MODEL, type AssetReadModel, type CustomerView } from '@beacon/read-models';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ListCustomersQuery } from './list-customers.query';

@QueryHandler(ListCustomersQuery)
export class ListCustomersQueryHandler implements IQueryHandler<ListCustomersQuery, CustomerView[]> {
  constructor(@Inject(ASSET_READ_MODEL) private readonly readModel: AssetReadModel) {}

  async execute({ scope }: ListCustomersQuery): Promise<CustomerView[]> {
    const customers = await this.readModel.customers();
    return scope === null ? customers : customers.filter((c) => c.id === scope);
  }
}

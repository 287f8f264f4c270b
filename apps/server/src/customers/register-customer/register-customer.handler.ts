import { customerFold, customerStream, decideCustomer } from '@beacon/domain';
import { decideAndAppend, EventStore, type AppendResult } from '@beacon/event-store';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegisterCustomerCommand } from './register-customer.command';

/** Load, decide, append: registering an existing customer is refused by the decider (409). */
@CommandHandler(RegisterCustomerCommand)
export class RegisterCustomerHandler implements ICommandHandler<RegisterCustomerCommand, AppendResult> {
  constructor(private readonly store: EventStore) {}

  execute({ customerId, name, address, metadata }: RegisterCustomerCommand): Promise<AppendResult> {
    const now = new Date(metadata.receivedAt);
    return decideAndAppend(
      this.store,
      customerStream(customerId),
      customerFold,
      (state) => decideCustomer({ type: 'RegisterCustomer', data: { customerId, name, address, now } }, state),
      metadata,
    );
  }
}

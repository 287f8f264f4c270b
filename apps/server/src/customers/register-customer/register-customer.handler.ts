import { customerStream, decideCustomer, evolveCustomer, initialCustomerState } from '@beacon/domain';
import { EventStore, type AppendResult } from '@beacon/event-store';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { loadStreamState } from '../../shared/load-stream-state';
import { RegisterCustomerCommand } from './register-customer.command';

/** Load, decide, append: registering an existing customer is refused by the decider (409). */
@CommandHandler(RegisterCustomerCommand)
export class RegisterCustomerHandler implements ICommandHandler<RegisterCustomerCommand, AppendResult> {
  constructor(private readonly store: EventStore) {}

  async execute(command: RegisterCustomerCommand): Promise<AppendResult> {
    const { customerId, name, address, metadata } = command;
    const stream = customerStream(customerId);
    const { state, version } = await loadStreamState(this.store, stream, evolveCustomer, initialCustomerState);
    const events = decideCustomer(
      { type: 'RegisterCustomer', data: { customerId, name, address, now: new Date(metadata.receivedAt) } },
      state,
    );
    return this.store.append(stream, events.map((e) => ({ ...e, metadata })), { expectedVersion: version });
  }
}

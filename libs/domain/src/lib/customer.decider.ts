import { assertNever } from './assert-never';
import { DomainError } from './domain-error';
import type { CustomerEvent } from './events';

export interface RegisterCustomer {
  type: 'RegisterCustomer';
  data: { customerId: string; name: string; address: string | null; now: Date };
}

export type CustomerCommand = RegisterCustomer;

export type CustomerState = { status: 'none' } | { status: 'registered'; customerId: string; name: string };

export const initialCustomerState: CustomerState = { status: 'none' };

export function decideCustomer(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  switch (command.type) {
    case 'RegisterCustomer': {
      if (state.status !== 'none') {
        throw new DomainError('customer_already_exists', `customer ${command.data.customerId} already exists`);
      }
      const { customerId, name, address, now } = command.data;
      return [{ type: 'CustomerRegistered', data: { customerId, name, address, registeredAt: now.toISOString() } }];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerRegistered':
      return { status: 'registered', customerId: event.data.customerId, name: event.data.name };
    default:
      return assertNever(event.type);
  }
}

/** How a customer's stream folds into its state, for loading it before a decision. */
export const customerFold = { initial: initialCustomerState, evolve: evolveCustomer };

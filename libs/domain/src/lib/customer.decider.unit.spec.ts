import { decideCustomer, evolveCustomer, initialCustomerState, type RegisterCustomer } from './customer.decider';

const command: RegisterCustomer = {
  type: 'RegisterCustomer',
  data: { customerId: 'kalles', name: 'Kalles Grustransporter AB', address: null, now: new Date(0) },
};

describe('customer decider', () => {
  it('registers a customer once', () => {
    const events = decideCustomer(command, initialCustomerState);
    expect(events.map((e) => e.type)).toEqual(['CustomerRegistered']);
    const state = events.reduce(evolveCustomer, initialCustomerState);
    expect(() => decideCustomer(command, state)).toThrow(expect.objectContaining({ code: 'customer_already_exists' }));
  });
});

import type { Principal } from '../../auth/principal';
import { ApiError } from '../../http/api-error';

/**
 * Whose fleet unknown aircraft of a feed join: the feed key's customer, or for an admin key the
 * `?customerId=` it names (docs/API.md "Heartbeats").
 */
export function feedCustomer(sender: Principal, customerIdParam: string | undefined): string {
  const customerId = sender.customerId ?? (sender.role === 'admin' ? customerIdParam : undefined);
  if (!customerId) {
    throw new ApiError('invalid_request', 'unknown aircraft need a customer: use a customer-scoped key or ?customerId=', [
      { field: 'customerId', reason: 'required for this key' },
    ]);
  }
  return customerId;
}

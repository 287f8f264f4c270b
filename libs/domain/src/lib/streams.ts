/** Stream names of the event log: one stream per customer and per asset. */
export const customerStream = (customerId: string): string => `customer-${customerId}`;
export const assetStream = (assetId: string): string => `asset-${assetId}`;

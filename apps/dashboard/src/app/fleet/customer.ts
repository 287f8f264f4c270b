/**
 * One item of `GET /api/v1/customers` (docs/API.md "Customers"). Declared here because @beacon/contracts
 * has no customer read DTO yet; move it there when it gets one.
 */
export interface CustomerSummary {
  id: string;
  name: string;
  address: string | null;
  assetCount: number;
}

export interface ListCustomersResponse {
  items: CustomerSummary[];
}

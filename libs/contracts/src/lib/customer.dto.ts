/** One customer as `GET /api/v1/customers` lists it (docs/API.md "Customers"). */
export interface CustomerDto {
  id: string;
  name: string;
  address: string | null;
  /** The assets in its fleet now, decommissioned ones left out. */
  assetCount: number;
}

/** `GET /api/v1/customers`: by name; a customer-scoped key sees only its own customer. */
export interface CustomerList {
  items: CustomerDto[];
}

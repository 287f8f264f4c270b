export class ListCustomersQuery {
  constructor(
    /** The one customer the caller may see, or null for all. */
    readonly scope: string | null,
  ) {}
}

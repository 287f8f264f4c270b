export class GetAssetQuery {
  constructor(
    readonly assetId: string,
    /** The one customer the caller may see, or null for all. */
    readonly scope: string | null,
  ) {}
}

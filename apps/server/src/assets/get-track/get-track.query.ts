export class GetTrackQuery {
  constructor(
    readonly assetId: string,
    readonly from: Date,
    readonly to: Date,
    readonly maxPoints: number,
    /** The one customer the caller may see, or null for all. */
    readonly scope: string | null,
  ) {}
}

/** A `cursor` that no read model issued (or issued for another sort); the HTTP edge answers 400. */
export class InvalidCursorError extends Error {
  constructor(message = 'cursor is not valid for this search') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

import { ProjectionRebuilds1764000700000 } from './1764000700000-projection-rebuilds';
import { ProjectionDeadLetters1764000970000 } from './1764000970000-projection-dead-letters';

/** Migration classes of the projection runtime; the server runs them with the others. */
export const projectionMigrations = [ProjectionRebuilds1764000700000, ProjectionDeadLetters1764000970000];

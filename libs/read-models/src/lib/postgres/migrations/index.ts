import { CreateAssetReadModel1764000100000 } from './1764000100000-create-asset-read-model';

export const postgresReadModelMigrations = [CreateAssetReadModel1764000100000];

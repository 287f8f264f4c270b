import { SetMetadata } from '@nestjs/common';

export type Access = 'public' | 'read' | 'write';
export const ACCESS_KEY = 'beacon:access';

/** Who may call a route: anyone (health), readers, or writers (commands and heartbeats). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, 'public');
export const ReadAccess = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, 'read');
export const WriteAccess = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, 'write');

export * from './lib/fastify-options';

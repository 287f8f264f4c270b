import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBeaconApp } from './app.factory';
import { demoAdminKey, demoAdminKeyFile, signInLink } from './auth/demo-admin-key';
import { loadConfig, type BeaconConfig } from './config/beacon-config';
import { openDatabase } from './database/database-url';
import { Readiness } from './health/readiness';
import { createLogger } from './logging/create-logger';
import { NestPinoLogger } from './logging/nest-logger';
import { isProjectorProcess, projectorEnv, runsProjectorApart, withoutProjector } from './projector-process/projector-apart';
import { ProjectorProcess } from './projector-process/projector-process';
import { watchProjectorProcess } from './projector-process/watch-projector-process';

const logger = new Logger('Beacon');

async function bootstrap(): Promise<void> {
  // The dashboard build sits beside the server's in dist/apps/.
  let config: BeaconConfig = loadConfig(process.env, { dashboardDir: join(__dirname, '..', 'dashboard', 'browser') });
  if (config.demo && !config.adminKey) {
    config = { ...config, adminKey: demoAdminKey(config.dataDir), adminKeyFile: demoAdminKeyFile(config.dataDir) };
  }
  const projectorProcess = isProjectorProcess();
  // The projector process goes when the server that started it goes, however it went (its IPC
  // channel closes): at once while it starts, through its own shutdown once it runs.
  let parentGone = (): void => process.exit(0);
  if (projectorProcess) process.once('disconnect', () => parentGone());
  // From here on, every line (the database's start-up included) goes through the one logger; the
  // projector process of an all-in-one server names itself on each of its lines.
  const pino = createLogger({ level: config.logLevel, format: config.logFormat, ...(projectorProcess ? { name: 'projector' } : {}) });
  Logger.overrideLogger(new NestPinoLogger(pino));

  const database = await openDatabase(config);
  // The request thread keeps to requests; the projector follows the log in a process of its own (decision 036).
  const projector = runsProjectorApart(config)
    ? new ProjectorProcess(process.argv[1] ?? '', projectorEnv(process.env, config, database.url))
    : null;
  projector?.start();
  const app = await createBeaconApp(projector ? withoutProjector(config) : config, database.url, pino);
  if (projector) watchProjectorProcess(app, config, projector);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    if (config.drainSeconds > 0) {
      app.get(Readiness).drain();
      logger.log(`not ready; closing in ${config.drainSeconds} s`);
      await sleep(config.drainSeconds * 1000);
    }
    await Promise.all([app.close().catch((error: Error) => logger.error(error.message)), projector?.stop()]);
    await database.stop().catch((error: Error) => logger.error(error.message));
    logger.log('stopped');
    pino.flush(() => process.exit(0)); // lines still buffered are written first
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (projectorProcess) {
    await app.init(); // it serves no port
    parentGone = () => void stop('the server that started it went away');
    return;
  }
  await app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}`;
  logger.log(`Beacon is running: ${url} (roles: ${[...config.roles].join(', ')})`);
  if (config.demo && config.adminKey) {
    // The key goes in the URL's fragment, which a browser keeps to itself: no server or proxy logs it.
    if (config.roles.has('query')) logger.log(`sign in to the dashboard: ${signInLink(url, config.adminKey)}`);
    logger.log(`try: curl -X POST -H 'Authorization: Bearer ${config.adminKey}' ${url}/api/v1/assets/YS2R4X20005399401/heartbeats`);
    if (config.adminKeyFile) logger.log(`npm run admin-key:rotate replaces the key, and prints a new link: this one then stops working`);
  }
}

bootstrap().catch((error: Error) => {
  logger.error(error.name === 'ConfigError' ? error.message : (error.stack ?? error.message));
  process.exit(1);
});

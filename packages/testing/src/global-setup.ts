import type { TestProject } from 'vitest/node';
import { createTemplateDatabase, dropDatabase } from './databases.js';
import { resolveServices } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    redisUrl: string;
  }
}

/** Once per test run: find Postgres/Redis, build the migrated template, drop it at the end. */
export default async function setup(project: TestProject) {
  const services = await resolveServices();
  const template = await createTemplateDatabase(services.adminDatabaseUrl);
  project.provide('adminDatabaseUrl', services.adminDatabaseUrl);
  project.provide('templateDatabase', template);
  project.provide('redisUrl', services.redisUrl);
  return async () => {
    await dropDatabase(services.adminDatabaseUrl, template);
    await services.stop();
  };
}

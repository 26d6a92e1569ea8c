import { buildAll } from '../../scripts/build';

/** Builds the web app and the Lambda bundles once, before any test file reads them. */
export default async function setup() {
  await buildAll();
}

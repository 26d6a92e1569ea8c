/**
 * The CDK app. The only place that reads the environment and the build output.
 * `npm run synth` builds first, then synthesises offline with cdk-nag's AwsSolutions checks.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { Source } from 'aws-cdk-lib/aws-s3-deployment';
import { AwsSolutionsChecks } from 'cdk-nag';
import { root } from '../../scripts/build';
import { HearthStack } from '../stack';

const dist = join(root, 'dist');
if (!existsSync(join(dist, 'functions/api/index.mjs')) || !existsSync(join(dist, 'web/index.html'))) {
  console.error('Build output is missing: run `npm run build` first (npm run synth does).');
  process.exit(1);
}

const app = new App();
new HearthStack(app, app.node.tryGetContext('stackName') ?? 'Hearth', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  code: {
    api: Code.fromAsset(join(dist, 'functions/api')),
    feeds: Code.fromAsset(join(dist, 'functions/feeds')),
    jobs: Code.fromAsset(join(dist, 'functions/jobs')),
    pages: Code.fromAsset(join(dist, 'functions/pages')),
  },
  web: Source.asset(join(dist, 'web')),
  publicUrl: process.env.HEARTH_PUBLIC_URL,
  admins: process.env.HEARTH_ADMINS,
  description: 'Hearth: peer-support groups online and in person',
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

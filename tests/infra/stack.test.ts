import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Source } from 'aws-cdk-lib/aws-s3-deployment';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_SECRET_HEADER, VIEWER_HOST_HEADER } from '../../functions/api/viewer';
import { HearthStack } from '../../infra/stack';
import { root } from '../../scripts/build';

const code = () => Code.fromInline('export const handler = async () => ({ statusCode: 200 });');

function synth(withNag: boolean) {
  // As cdk.json sets it: CloudFormation's own template checks fail the synth, not just warn.
  const app = new App({
    outdir: mkdtempSync(join(tmpdir(), 'hearth-cdk-')),
    context: { '@aws-cdk/core:validateAgainstDefaultRules': true },
  });
  const stack = new HearthStack(app, 'Hearth', {
    code: { api: code(), feeds: code(), jobs: code(), pages: code() },
    web: Source.data('index.html', '<!doctype html><title>Hearth</title>'),
  });
  if (withNag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

let template: Template;
beforeAll(() => {
  template = Template.fromStack(synth(false).stack);
});

describe('data', () => {
  it('is one on-demand table with PITR, TTL, deletion protection, retained, with its two indexes', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        GlobalSecondaryIndexes: [
          Match.objectLike({ IndexName: 'gsi1' }),
          Match.objectLike({ IndexName: 'gsi2' }),
        ],
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });
});

describe('the schedule index', () => {
  it('projects occurrence cards but never the RSVP ledger', () => {
    const table = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))[0]!;
    const gsi2 = table.Properties.GlobalSecondaryIndexes.find(
      (g: { IndexName: string }) => g.IndexName === 'gsi2',
    );
    expect(gsi2.Projection.ProjectionType).toBe('INCLUDE');
    expect(gsi2.Projection.NonKeyAttributes).toEqual(
      expect.arrayContaining(['title', 'timezone', 'inLineInPerson', 'capInPerson']),
    );
    for (const ledger of ['lineInPerson', 'lineOnline', 'tickets'])
      expect(gsi2.Projection.NonKeyAttributes).not.toContain(ledger);
  });

  it('stays within DynamoDB’s limits on projected attributes (20 an index, 100 a table)', () => {
    const table = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))[0]!;
    const projected = table.Properties.GlobalSecondaryIndexes.map(
      (g: { Projection: { NonKeyAttributes?: string[] } }) => g.Projection.NonKeyAttributes ?? [],
    );
    for (const list of projected) expect(list.length).toBeLessThanOrEqual(20);
    expect(projected.flat().length).toBeLessThanOrEqual(100);
  });
});

describe('functions', () => {
  it('run Node 24 on arm64 with the table name bound', () => {
    const fns = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('^Hearth') },
    });
    expect(Object.keys(fns)).toHaveLength(4);
    for (const fn of Object.values(fns)) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Environment.Variables.TABLE_NAME).toBeDefined();
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
    }
  });

  it('gives the feeds function read-only access to the table', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const feeds = Object.entries(policies).find(([id]) => id.startsWith('FeedsFunction'));
    expect(feeds).toBeDefined();
    const actions = feeds![1].Properties.PolicyDocument.Statement.flatMap(
      (s: { Action: string | string[] }) => [s.Action].flat(),
    );
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).toContain('dynamodb:Query');
    for (const write of [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
    ]) {
      expect(actions).not.toContain(write);
    }
    const api = Object.entries(policies).find(([id]) => id.startsWith('ApiFunction'))!;
    const apiActions = api[1].Properties.PolicyDocument.Statement.flatMap(
      (s: { Action: string | string[] }) => [s.Action].flat(),
    );
    expect(apiActions).toContain('dynamodb:PutItem');
  });

  it('runs the jobs function on a schedule', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [
        Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsFunction'), 'Arn'] } }),
      ],
    });
  });
});

describe('http api', () => {
  it('routes /api and /feeds, throttles, and logs the route template but never a path, query or address', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/{proxy+}' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /feeds/{proxy+}' });
    // Single-event .ics files are written by the feeds function, which holds the calendar code.
    const routes = template.findResources('AWS::ApiGatewayV2::Route');
    const target = (key: string) =>
      JSON.stringify(Object.values(routes).find((r) => r.Properties.RouteKey === key)!.Properties.Target);
    expect(target('GET /api/occurrences/{occurrenceId}/event.ics')).toBe(target('GET /feeds/{proxy+}'));
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    expect(stage.Properties.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.Properties.RouteSettings['GET /feeds/{proxy+}'].ThrottlingBurstLimit).toBeGreaterThan(0);
    const format = stage.Properties.AccessLogSettings.Format as string;
    expect(format).toContain('$context.routeKey');
    for (const leaky of [
      '$context.path',
      '$context.identity.sourceIp',
      'querystring',
      '$context.requestOverride',
    ]) {
      expect(format).not.toContain(leaky);
    }
  });
});

describe('web', () => {
  it('serves a private bucket through CloudFront with OAC, security headers and the API on the same origin', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp("script-src 'self'"),
            Override: true,
          },
          StrictTransportSecurity: Match.objectLike({ Override: true }),
        }),
      }),
    });
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    const behaviours = dist.Properties.DistributionConfig.CacheBehaviors.map(
      (b: { PathPattern: string }) => b.PathPattern,
    );
    expect(behaviours.sort()).toEqual(['*.*', '/api/*', '/assets/*', '/feeds/*', '/locales/*']);
    expect(dist.Properties.DistributionConfig.CustomErrorResponses).toBeUndefined();
    // No viewer access logs: they would pair addresses with group pages and feed tokens.
    expect(dist.Properties.DistributionConfig.Logging).toBeUndefined();
  });

  it('sends every address that names a file to the bucket, and every page of the app to the pages function', () => {
    const config = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties
      .DistributionConfig;
    const origins = Object.fromEntries(
      config.Origins.map((o: { Id: string; S3OriginConfig?: unknown }) => [
        o.Id,
        o.S3OriginConfig ? 's3' : 'api',
      ]),
    );
    const byPattern = Object.fromEntries(
      config.CacheBehaviors.map((b: { PathPattern: string; TargetOriginId: string }) => [
        b.PathPattern,
        origins[b.TargetOriginId],
      ]),
    );
    expect(byPattern).toEqual({
      '/api/*': 'api',
      '/feeds/*': 'api',
      '/assets/*': 's3',
      '/locales/*': 's3',
      '*.*': 's3',
    });
    // The rest (`/`, `/groups/…`, `/new-here`): the HTTP API, uncached, with the viewer's cookies.
    expect(origins[config.DefaultCacheBehavior.TargetOriginId]).toBe('api');
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(config.DefaultRootObject).toBeUndefined();
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey as string,
    );
    expect(routes).toEqual(expect.arrayContaining(['GET /', 'HEAD /', 'GET /{proxy+}', 'HEAD /{proxy+}']));
    // The pages function reads the table and writes nothing.
    const pages = Object.entries(template.findResources('AWS::Lambda::Function')).find(([, f]) =>
      String(f.Properties.Description).startsWith('Hearth pages'),
    )!;
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(
        JSON.stringify(pages[1].Properties.Role['Fn::GetAtt'][0]).replace(/"/g, ''),
      ),
    );
    const actions = JSON.stringify(policies.map((p) => p.Properties.PolicyDocument));
    expect(actions).toContain('dynamodb:Query');
    expect(actions).not.toMatch(/dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)/);
  });

  it('keeps the VAPID keys in a secret only the API and the jobs read and write, made on first use', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    const [vapidId] = Object.entries(secrets).find(
      ([, s]) => s.Properties.GenerateSecretString.SecretStringTemplate === '{}',
    )!;
    const fns = Object.entries(template.findResources('AWS::Lambda::Function'));
    const withKeys = fns
      .filter(
        ([, f]) =>
          JSON.stringify(f.Properties.Environment?.Variables?.VAPID_SECRET_ARN) ===
          JSON.stringify({ Ref: vapidId }),
      )
      .map(([, f]) => f.Properties.Description);
    expect(withKeys.sort()).toEqual(['Hearth HTTP API (Hono)', 'Hearth scheduled jobs']);
    // Who may read it: the API's and the jobs' roles, and no one else.
    const readers = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes(`"Ref":"${vapidId}"`),
    );
    expect(readers).toHaveLength(2);
    for (const p of readers) {
      const actions = JSON.stringify(p.Properties.PolicyDocument);
      expect(actions).toContain('secretsmanager:GetSecretValue');
      expect(actions).toContain('secretsmanager:PutSecretValue');
    }
  });

  it('tells the API who the viewer is, with a secret from Secrets Manager that only the API can read', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    // Two secrets: this one, and the VAPID keys (below).
    expect(Object.keys(secrets)).toHaveLength(2);
    const [secretId] = Object.entries(secrets).find(
      ([, s]) => s.Properties.GenerateSecretString.PasswordLength === 48,
    )!;
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties
      .DistributionConfig;
    // The API origin sends the secret, as a dynamic reference CloudFormation resolves at deploy.
    const apiOrigin = dist.Origins.find((o: { CustomOriginConfig?: unknown }) => o.CustomOriginConfig);
    const header = apiOrigin.OriginCustomHeaders.find(
      (h: { HeaderName: string }) => h.HeaderName === ORIGIN_SECRET_HEADER,
    );
    expect(JSON.stringify(header.HeaderValue)).toContain('{{resolve:secretsmanager:');
    expect(JSON.stringify(header.HeaderValue)).toContain(secretId);
    // Both API behaviours forward CloudFront-Viewer-Address and add the viewer's host.
    const policies = template.findResources('AWS::CloudFront::OriginRequestPolicy');
    const [policyId, policy] = Object.entries(policies)[0]!;
    expect(policy.Properties.OriginRequestPolicyConfig.HeadersConfig).toEqual({
      HeaderBehavior: 'allViewerAndWhitelistCloudFront',
      Headers: ['CloudFront-Viewer-Address'],
    });
    const functions = template.findResources('AWS::CloudFront::Function');
    const toApi = [
      dist.DefaultCacheBehavior,
      ...dist.CacheBehaviors.filter((b: { PathPattern: string }) => /^\/(api|feeds)\//.test(b.PathPattern)),
    ];
    expect(toApi).toHaveLength(3);
    for (const b of toApi) {
      expect(b.OriginRequestPolicyId).toEqual({ Ref: policyId });
      expect(b.FunctionAssociations).toHaveLength(1);
    }
    // The viewer-request function, run as CloudFront would: the host copied, a forged secret dropped.
    const [fnId] = Object.entries(functions).find(([, f]) =>
      f.Properties.FunctionCode.includes(VIEWER_HOST_HEADER),
    )!;
    expect(toApi[1].FunctionAssociations[0].FunctionARN).toEqual({
      'Fn::GetAtt': [fnId, 'FunctionARN'],
    });
    const run = new Function(`${functions[fnId!]!.Properties.FunctionCode}; return handler;`)();
    const out = run({
      request: {
        headers: { host: { value: 'hearth.example' }, [ORIGIN_SECRET_HEADER]: { value: 'forged' } },
      },
    });
    expect(out.headers[VIEWER_HOST_HEADER]).toEqual({ value: 'hearth.example' });
    expect(out.headers[ORIGIN_SECRET_HEADER]).toBeUndefined();
    // The API function, and it alone, knows where the secret is and may read it.
    const fns = template.findResources('AWS::Lambda::Function');
    const withSecret = Object.values(fns).filter(
      (f) => f.Properties.Environment?.Variables?.ORIGIN_SECRET_ARN,
    );
    expect(withSecret).toHaveLength(1);
    expect(withSecret[0]!.Properties.Description).toBe('Hearth HTTP API (Hono)');
    expect(withSecret[0]!.Properties.Environment.Variables.ORIGIN_SECRET_ARN).toEqual({ Ref: secretId });
    const readers = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => {
      const doc = JSON.stringify(p.Properties.PolicyDocument);
      return doc.includes('secretsmanager:GetSecretValue') && doc.includes(`"Ref":"${secretId}"`);
    });
    expect(readers).toHaveLength(1);
  });
});

/**
 * The unacknowledged findings: synthesis fails with a validation report naming each one, as
 * `npm run synth` would.
 */
function nagFailures(app: App): string[] {
  try {
    app.synth();
    return [];
  } catch (e) {
    const found = [...String((e as Error).message).matchAll(/Acknowledge with '([^']+)'/g)].map((m) => m[1]!);
    if (found.length === 0) throw e;
    return found;
  }
}

describe('cdk-nag', () => {
  it('finds no unacknowledged AwsSolutions errors', () => {
    expect(nagFailures(synth(true).app)).toEqual([]);
  });

  it('reports a finding when one is introduced (the check can fail)', () => {
    const { app, stack } = synth(true);
    new Bucket(stack, 'Careless');
    expect(nagFailures(app)).toEqual(expect.arrayContaining([expect.stringMatching(/AwsSolutions-S1\b/)]));
  });
});

describe('npm run synth', () => {
  it('synthesises the real app offline, with no AWS credentials, and cdk-nag passes', () => {
    const out = mkdtempSync(join(tmpdir(), 'hearth-synth-'));
    const home = mkdtempSync(join(tmpdir(), 'hearth-home-'));
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('CDK_')),
    );
    const result = spawnSync(join(root, 'node_modules/.bin/cdk'), ['synth', '--quiet', '--output', out], {
      cwd: root,
      env: { ...env, HOME: home },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const template = JSON.parse(readFileSync(join(out, 'Hearth.template.json'), 'utf8'));
    expect(Object.keys(template.Resources).length).toBeGreaterThan(20);
  }, 120_000);
});

describe('the web app’s files', () => {
  it('are deployed with the caching the local server gives: hashed ones for a year, the rest revalidated', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')).map(
      (d) => d.Properties as Record<string, unknown>,
    );
    expect(deployments).toHaveLength(2);
    const [hashed, rest] = [
      deployments.find((d) => (d.Include as string[] | undefined)?.includes('assets/*')),
      deployments.find((d) => !d.Include),
    ];
    expect(hashed).toMatchObject({
      Exclude: ['*'],
      Include: ['assets/*', 'locales/*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(rest).toMatchObject({
      Exclude: ['assets/*', 'locales/*', '*.br', '*.gz'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    // CloudFront compresses what it serves from the bucket (Brotli and gzip, by its cache policy).
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    for (const b of dist.Properties.DistributionConfig.CacheBehaviors.filter(
      (b: { PathPattern: string }) => !/^\/(api|feeds)\//.test(b.PathPattern),
    ))
      expect(b.Compress).toBe(true);
  });
});

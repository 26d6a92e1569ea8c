import { CfnOutput, Duration, Fn, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Operation } from 'aws-cdk-lib/aws-dynamodb';
import type { Code } from 'aws-cdk-lib/aws-lambda';
import type { ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { Data } from './constructs/data';
import { HearthFunction } from './constructs/functions';
import { HearthHttpApi } from './constructs/http-api';
import { JobsSchedule } from './constructs/jobs';
import { Web } from './constructs/web';

export interface HearthStackProps extends StackProps {
  code: { api: Code; feeds: Code; jobs: Code; pages: Code };
  web: ISource;
  /** Public origin when a custom domain fronts the distribution, for invite links. */
  publicUrl?: string;
  /** Handles of the platform admins, comma-separated (they keep the global directory). */
  admins?: string;
  /** Where push services can reach the operator (VAPID `sub`): a mailto: or https: address. */
  pushContact?: string;
}

export class HearthStack extends Stack {
  constructor(scope: Construct, id: string, props: HearthStackProps) {
    super(scope, id, props);
    const { table } = new Data(this, 'Data');
    // CloudFront sends it to the API with every request; the API reads it at cold start.
    const originSecret = new Secret(this, 'OriginSecret', {
      description: 'Hearth: proves to the API that a request came through its CloudFront distribution',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The origin secret is shared by CloudFront and the API; it changes with a redeploy (a rotation Lambda could not update the distribution).',
    });

    // Web Push keys: made by the first function that needs them (functions/push/vapid.ts).
    const vapidSecret = new Secret(this, 'VapidSecret', {
      description: 'Hearth: the VAPID key pair Web Push messages are signed with',
      generateSecretString: { secretStringTemplate: '{}', generateStringKey: 'unset' },
    });
    Validations.of(vapidSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Every device subscription is bound to the VAPID public key: rotating it would silently stop every notification.',
    });
    const pushEnv = {
      VAPID_SECRET_ARN: vapidSecret.secretArn,
      ...(props.pushContact ? { PUSH_CONTACT: props.pushContact } : {}),
    };

    const api = new HearthFunction(this, 'Api', {
      code: props.code.api,
      description: 'Hearth HTTP API (Hono)',
      environment: {
        ...(props.publicUrl ? { PUBLIC_URL: props.publicUrl } : {}),
        ...(props.admins ? { ADMINS: props.admins } : {}),
        ORIGIN_SECRET_ARN: originSecret.secretArn,
        ...pushEnv,
      },
    }).bindTable(table, 'readwrite');
    originSecret.grantRead(api.fn);
    const feeds = new HearthFunction(this, 'Feeds', {
      code: props.code.feeds,
      description: 'Hearth calendar feeds (read-only)',
      memoryMiB: 256,
    }).bindTable(table, 'read');
    // It asks the API in its own process, as a visitor who is not signed in: it only reads.
    const pages = new HearthFunction(this, 'Pages', {
      code: props.code.pages,
      description: 'Hearth pages (the app’s documents, landing pages rendered)',
      environment: props.publicUrl ? { PUBLIC_URL: props.publicUrl } : {},
    }).bindTable(table, 'read');
    const jobs = new HearthFunction(this, 'Jobs', {
      code: props.code.jobs,
      description: 'Hearth scheduled jobs',
      memoryMiB: 256,
      // A minute's reminders and pushes may take a while; the next run starts a minute later.
      timeout: Duration.seconds(55),
      environment: pushEnv,
    }).bindTable(table, 'readwrite');
    for (const fn of [api.fn, jobs.fn]) {
      vapidSecret.grantRead(fn);
      vapidSecret.grantWrite(fn);
    }
    new JobsSchedule(this, 'JobsSchedule', { fn: jobs.fn });

    const http = new HearthHttpApi(this, 'Http', { api: api.fn, feeds: feeds.fn, pages: pages.fn });
    const apiDomain = Fn.select(2, Fn.split('/', http.httpApi.apiEndpoint));
    const web = new Web(this, 'Web', { source: props.web, apiDomain, originSecret });

    for (const [name, fn] of Object.entries({
      Api: api.fn,
      Feeds: feeds.fn,
      Pages: pages.fn,
      Jobs: jobs.fn,
    })) {
      new Alarm(this, `${name}Errors`, {
        alarmDescription: `Hearth ${name} function errors`,
        metric: fn.metricErrors(),
        threshold: 5,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }
    new Alarm(this, 'Api5xx', {
      alarmDescription: 'Hearth HTTP API 5xx responses',
      metric: http.httpApi.metricServerError(),
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    new Alarm(this, 'TableThrottles', {
      alarmDescription: 'Hearth table throttled requests',
      metric: table.metricThrottledRequestsForOperations({
        operations: [
          Operation.GET_ITEM,
          Operation.PUT_ITEM,
          Operation.UPDATE_ITEM,
          Operation.DELETE_ITEM,
          Operation.QUERY,
          Operation.BATCH_GET_ITEM,
          Operation.BATCH_WRITE_ITEM,
        ],
      }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    new CfnOutput(this, 'Url', { value: `https://${web.distribution.distributionDomainName}` });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}

import { Validations } from 'aws-cdk-lib';
import { type CfnStage, HttpApi, HttpMethod, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface HttpApiProps {
  api: IFunction;
  feeds: IFunction;
  /** The app's documents (functions/pages). */
  pages: IFunction;
  /** Steady-state requests per second and burst, for the whole API. */
  throttle?: { rate: number; burst: number };
  /** Tighter limits for the feeds routes (calendar apps poll). */
  feedsThrottle?: { rate: number; burst: number };
}

/**
 * One HTTP API behind CloudFront: /api/* to the API function, /feeds/* to the feeds function,
 * every other address (a page of the app) to the pages function.
 * Access logs record the route template, never the path or query (feed URLs carry tokens), and
 * no client address.
 */
export class HearthHttpApi extends Construct {
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Hearth API and calendar feeds (reached through CloudFront)',
      createDefaultStage: true,
    });
    const api = new HttpLambdaIntegration('Api', props.api);
    const feeds = new HttpLambdaIntegration('Feeds', props.feeds);
    this.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration: api });
    this.httpApi.addRoutes({
      path: '/feeds/{proxy+}',
      methods: [HttpMethod.GET, HttpMethod.HEAD],
      integration: feeds,
    });
    // Every other address is a page of the app (CloudFront sends only those without a file's name).
    const pages = new HttpLambdaIntegration('Pages', props.pages);
    for (const path of ['/', '/{proxy+}'])
      this.httpApi.addRoutes({ path, methods: [HttpMethod.GET, HttpMethod.HEAD], integration: pages });
    // One occurrence as an .ics file: written by the feeds function, which holds the calendar code.
    this.httpApi.addRoutes({
      path: '/api/occurrences/{occurrenceId}/event.ics',
      methods: [HttpMethod.GET, HttpMethod.HEAD],
      integration: feeds,
    });

    const logs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    const stage = this.httpApi.defaultStage as HttpStage;
    const cfn = stage.node.defaultChild as CfnStage;
    const throttle = props.throttle ?? { rate: 200, burst: 400 };
    const feedsThrottle = props.feedsThrottle ?? { rate: 50, burst: 100 };
    cfn.defaultRouteSettings = { throttlingRateLimit: throttle.rate, throttlingBurstLimit: throttle.burst };
    // RouteSettings is a raw JSON property in CloudFormation: its keys are written as CloudFormation spells them.
    const feedsLimits = {
      ThrottlingRateLimit: feedsThrottle.rate,
      ThrottlingBurstLimit: feedsThrottle.burst,
    };
    cfn.routeSettings = { 'GET /feeds/{proxy+}': feedsLimits, 'HEAD /feeds/{proxy+}': feedsLimits };
    cfn.accessLogSettings = {
      destinationArn: logs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        time: '$context.requestTime',
        route: '$context.routeKey',
        status: '$context.status',
        bytes: '$context.responseLength',
        latencyMs: '$context.integrationLatency',
        error: '$context.integrationErrorMessage',
      }),
    };
    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Authorisation is per item inside the API (session cookie, membership and role checks); feeds use capability URLs. A gateway authoriser cannot see group membership.',
    });
  }
}

import { type CfnElement, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Function as CfFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_SECRET_HEADER, VIEWER_HOST_HEADER } from '../../functions/api/viewer';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../security-headers';
import { CACHE, IMMUTABLE_PATHS } from '../web-files';

export interface WebProps {
  /** The built web app (dist/web). */
  source: ISource;
  /** Domain of the HTTP API, e.g. abc123.execute-api.eu-west-2.amazonaws.com. */
  apiDomain: string;
  /** Sent with every request to the API, so it knows a request came through this distribution. */
  originSecret: ISecret;
}

/**
 * The web app in a private bucket behind CloudFront (origin access control), one origin for the
 * browser: /api/* and /feeds/* go to the HTTP API, so the session cookie stays first-party, and
 * so do the app's documents (the pages function).
 */
export class Web extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the access-log destination itself.',
    });

    const site = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: ['Permissions-Policy', 'Cross-Origin-Opener-Policy'].map((header) => ({
          header,
          value: SECURITY_HEADERS[header]!,
          override: true,
        })),
      },
    });

    // The API learns who the viewer is from CloudFront (their address, and the host they used),
    // and believes it only on requests carrying the origin secret (functions/api/viewer.ts).
    const api = new HttpOrigin(props.apiDomain, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: { [ORIGIN_SECRET_HEADER]: props.originSecret.secretValue.unsafeUnwrap() },
    });
    const viewer = new OriginRequestPolicy(this, 'ApiViewer', {
      comment: 'Hearth API: every viewer header but Host, the viewer address, cookies and query',
      headerBehavior: OriginRequestHeaderBehavior.all('CloudFront-Viewer-Address'),
      cookieBehavior: OriginRequestCookieBehavior.all(),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
    });
    const viewerHost = new CfFunction(this, 'ViewerHost', {
      code: FunctionCode.fromInline(
        `function handler(event){var r=event.request;delete r.headers['${ORIGIN_SECRET_HEADER}'];r.headers['${VIEWER_HOST_HEADER}']={value:r.headers.host.value};return r;}`,
      ),
      comment: 'Tell the API which host the viewer used (for its Origin check)',
    });
    const apiBehaviour = {
      origin: api,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: viewer,
      responseHeadersPolicy: headers,
      functionAssociations: [{ function: viewerHost, eventType: FunctionEventType.VIEWER_REQUEST }],
    };

    const files = {
      origin: S3BucketOrigin.withOriginAccessControl(site),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: headers,
    };
    // Every address that names a file is a file of the bucket; every other one is a page of the
    // app, answered by the pages function (through the HTTP API): its shell in the reader's
    // language, and the pages a visit lands on rendered in it (functions/pages). Not cached here:
    // a page is made for a language and a zone, and is asked about on each use (ETag).
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Hearth',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: { ...apiBehaviour, allowedMethods: AllowedMethods.ALLOW_GET_HEAD },
      additionalBehaviors: {
        '/api/*': apiBehaviour,
        '/feeds/*': apiBehaviour,
        '/assets/*': files,
        '/locales/*': files,
        '*.*': files,
      },
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        'CloudFront access logs would pair client addresses with group pages and calendar-feed URLs (capability tokens). The HTTP API keeps token-free, address-free access logs; CloudWatch metrics cover operations.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Peer support is for everyone; no geographic restriction is wanted.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'WAF is an optional add-on with its own cost; the HTTP API throttles and the API rate-limits logins.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'The default *.cloudfront.net certificate allows TLSv1; a custom domain with TLS_V1_2_2021 fixes it when configured.',
    });

    // Files named by their content, kept for a year (infra/web-files.ts); put first, so no
    // document ever names one that is not there yet. Nothing is pruned: a page loaded before a
    // deploy may still ask for the files it was built with. CloudFront compresses what it caches,
    // so the build's packed copies stay behind.
    const hashed = new BucketDeployment(this, 'DeployAssets', {
      sources: [props.source],
      destinationBucket: site,
      exclude: ['*'],
      include: [...IMMUTABLE_PATHS],
      prune: false,
      cacheControl: [CacheControl.fromString(CACHE.immutable)],
      memoryLimit: 256,
    });
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [props.source],
      destinationBucket: site,
      distribution: this.distribution,
      exclude: [...IMMUTABLE_PATHS, '*.br', '*.gz'],
      prune: false,
      // Everything else is asked about on each use (ETag): documents, the worker, the manifest.
      cacheControl: [CacheControl.fromString(CACHE.revalidate)],
      // What must be fresh at once: the documents, and the service worker with its list of files.
      distributionPaths: ['/index.html', '/crisis*.html', '/sw.js', '/manifest.webmanifest'],
      memoryLimit: 256,
    });
    deployment.node.addDependency(hashed);
    // BucketDeployment's handler is a stack-level singleton: acknowledge its findings there only,
    // one finding at a time, so a new wildcard would still fail the synth.
    const stack = Stack.of(this);
    const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (handler) {
      const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
      const siteArn = stack.resolve((site.node.defaultChild as CfnElement).logicalId) as string;
      const copy = 'CDK’s BucketDeployment copies the web app from the CDK asset bucket into the site bucket';
      const findings: [string, string][] = [
        [
          'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          'CDK’s BucketDeployment handler uses the AWS managed basic execution role (logs only).',
        ],
        ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map(
          (a): [string, string] => [`AwsSolutions-IAM5[Action::${a}]`, `${copy}, which needs ${a}.`],
        ),
        [
          `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*]`,
          `${copy}: it reads the asset objects.`,
        ],
        [`AwsSolutions-IAM5[Resource::<${siteArn}.Arn>/*]`, `${copy}: it writes the site's objects.`],
        [
          'AwsSolutions-IAM5[Resource::*]',
          'CDK’s BucketDeployment invalidates the CloudFront cache, which IAM only grants on all distributions.',
        ],
        ['AwsSolutions-L1', 'The BucketDeployment handler’s runtime is chosen by aws-cdk-lib.'],
      ];
      for (const [id, reason] of findings) Validations.of(handler).acknowledge({ id, reason });
    }
    void deployment;
  }
}

/** API Gateway HTTP API (payload 2.0) events, to call a built Lambda handler as AWS would. */
import type { Db } from '../../functions/store/client';
export function httpEvent(
  method: string,
  path: string,
  opts: { body?: unknown; cookie?: string; sourceIp?: string; headers?: Record<string, string> } = {},
) {
  const [rawPath, rawQueryString = ''] = path.split('?') as [string, string?];
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    cookies: opts.cookie ? [opts.cookie] : undefined,
    headers: {
      host: 'hearth.example',
      'x-forwarded-proto': 'https',
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'test',
      domainName: 'hearth.example',
      domainPrefix: 'hearth',
      http: {
        method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: opts.sourceIp ?? '203.0.113.9',
        userAgent: 'test',
      },
      requestId: 'request',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: Date.now(),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    isBase64Encoded: false,
  };
}

export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'hearth',
  awsRequestId: 'request',
};

export type LambdaResult = {
  statusCode: number;
  body: string;
  cookies?: string[];
  headers?: Record<string, string>;
};
export type LambdaHandler = (event: unknown, context: unknown) => Promise<LambdaResult>;

/** The environment a built function reads its table from, pointed at a test's dynalite. */
export async function tableEnv(db: Db): Promise<Record<string, string>> {
  const endpoint = await db.doc.config.endpoint!();
  return {
    TABLE_NAME: db.table,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`,
  };
}

import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  Architecture,
  type Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface HearthFunctionProps {
  /** Directory holding the function's built bundle (index.mjs), from `npm run build`. */
  code: Code;
  description: string;
  memoryMiB?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
}

/** A Node 24 arm64 function running an esbuild ESM bundle, with its own log group. */
export class HearthFunction extends Construct {
  readonly fn: LambdaFunction;

  constructor(scope: Construct, id: string, props: HearthFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.fn = new LambdaFunction(this, 'Function', {
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      handler: 'index.handler',
      code: props.code,
      description: props.description,
      memorySize: props.memoryMiB ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...props.environment,
      },
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The AWS managed basic execution role only allows writing to CloudWatch Logs.',
    });
  }

  /**
   * Gives the function the table's name and exactly the access it needs, together (Powertools'
   * bindTable): read-only functions cannot write even by mistake.
   */
  bindTable(table: ITableV2, access: 'read' | 'readwrite'): this {
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    if (access === 'read') table.grantReadData(this.fn);
    else table.grantReadWriteData(this.fn);
    Validations.of(this.fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableLogicalRef(table)}.Arn>/index/*]`,
      reason:
        'Access to the table includes its indexes; the index names are part of the table, not a wildcard over other resources.',
    });
    return this;
  }
}

/** The table's CloudFormation logical id, as cdk-nag names it in a finding. */
function tableLogicalRef(table: ITableV2): string {
  return Stack.of(table).resolve((table.node.defaultChild as CfnElement).logicalId) as string;
}

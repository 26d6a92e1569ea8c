import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/**
 * Runs the jobs function every minute: a support request nobody took must reach moderators and
 * owners within a minute of its time (groups choose 5 to 240 minutes). Slower jobs run on the
 * minutes they are due (functions/jobs/run.ts).
 */
export class JobsSchedule extends Construct {
  constructor(scope: Construct, id: string, props: { fn: IFunction; every?: Duration }) {
    super(scope, id);
    new Rule(this, 'Schedule', {
      description: 'Hearth scheduled jobs',
      schedule: Schedule.rate(props.every ?? Duration.minutes(1)),
      targets: [new LambdaFunction(props.fn, { retryAttempts: 2 })],
    });
  }
}

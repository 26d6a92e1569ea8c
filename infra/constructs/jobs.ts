import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** Runs the jobs function on a schedule (reminders, roster gaps, retention). */
export class JobsSchedule extends Construct {
  constructor(scope: Construct, id: string, props: { fn: IFunction; every?: Duration }) {
    super(scope, id);
    new Rule(this, 'Schedule', {
      description: 'Hearth scheduled jobs',
      schedule: Schedule.rate(props.every ?? Duration.minutes(15)),
      targets: [new LambdaFunction(props.fn, { retryAttempts: 2 })],
    });
  }
}

/* eslint-disable */
// @ts-nocheck
// SDK v2 reached through the default import, named classes and aws-sdk/clients/*.
import AWS from 'aws-sdk';
import { ECSCredentials, SharedIniFileCredentials, S3 } from 'aws-sdk';
import * as AWSGlobal from 'aws-sdk/global';
import STS from 'aws-sdk/clients/sts';
import DynamoDB = require('aws-sdk/clients/dynamodb');

const s3 = new S3(); // ok: module scope

export async function handler(event) {
  const ecs = new ECSCredentials({ timeout: 1000 }); // expect: no-per-request-credential-provider
  const ini = new SharedIniFileCredentials({ profile: event.profile }); // expect: no-per-request-credential-provider
  const web = new AWSGlobal.WebIdentityCredentials({ RoleArn: event.roleArn, WebIdentityToken: event.token }); // expect: no-per-request-credential-provider
  const ec2Metadata = new AWS.EC2MetadataCredentials(); // expect: no-per-request-credential-provider
  const sts = new STS(); // ok: v2 client without credentials
  const assumed = await sts.assumeRoleWithWebIdentity({ RoleArn: event.roleArn, RoleSessionName: 's', WebIdentityToken: event.token }).promise(); // expect: no-per-request-sts-call
  const ddb = new DynamoDB.DocumentClient(); // ok: v2 client without credentials
  const perRequest = new AWS.S3(); // ok: v2 client without credentials
  return [ecs, ini, web, ec2Metadata, assumed, ddb, perRequest, s3];
}

/* eslint-disable */
// @ts-nocheck
// NestJS: clients built in a DI-managed constructor (once) and in request-scoped methods.
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CognitoIdentityProviderClient, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { fromCognitoIdentityPool, fromTemporaryCredentials } from '@aws-sdk/credential-providers';

@Injectable()
export class CognitoService {
  private readonly cognitoClient: CognitoIdentityProviderClient;

  constructor(private readonly configService: ConfigService) {
    const region = this.configService.get<string>('AWS_REGION');
    this.cognitoClient = new CognitoIdentityProviderClient({ // ok: constructor run once by the DI container
      region,
      credentials: fromCognitoIdentityPool({ // ok: constructor run once by the DI container
        client: new CognitoIdentityClient({ region }), // ok: constructor run once by the DI container
        identityPoolId: this.configService.get<string>('AWS_COGNITO_IDENTITY_POOL_ID'),
      }),
    });
  }

  async signUp(email: string, password: string) {
    await this.cognitoClient.send(new SignUpCommand({ ClientId: 'x', Username: email, Password: password }));
  }
}

@Injectable()
export class TenantStorageService {
  async list(tenantRoleArn: string) {
    const s3 = new S3Client({
      credentials: fromTemporaryCredentials({ params: { RoleArn: tenantRoleArn } }), // ok: method of an exported DI service: judged where it is called
    });
    return s3.send(new ListObjectsV2Command({ Bucket: 'tenant-data' }));
  }

  async count() {
    const s3 = new S3Client({}); // ok: method of an exported DI service: judged where it is called
    return (await s3.send(new ListObjectsV2Command({ Bucket: 'tenant-data' }))).KeyCount;
  }
}

/* eslint-disable */
// @ts-nocheck
// A chat widget talking to Lex with the signed-in user's identity-pool credentials.
import { useRef } from 'react';
import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { fromCognitoIdentityPool as cognitoCredentials } from '@aws-sdk/credential-providers';

export default function Chat({ idToken, botId }) {
  const lexClientRef = useRef<LexRuntimeV2Client | null>(null);

  const send = async (text: string) => {
    const credentialsProvider = cognitoCredentials({ // expect: no-per-request-credential-provider
      identityPoolId: process.env.NEXT_PUBLIC_POOL_ID,
      logins: { 'cognito-idp.eu-west-1.amazonaws.com/pool': idToken },
    });
    lexClientRef.current = new LexRuntimeV2Client({ region: 'eu-west-1', credentials: credentialsProvider }); // ok: client around a per-call provider, reported at the provider
    return lexClientRef.current.send(new RecognizeTextCommand({ botId, botAliasId: 'TSTALIASID', localeId: 'en_US', sessionId: 's', text }));
  };

  return <form onSubmit={(e) => send(e.currentTarget.message.value)} />;
}

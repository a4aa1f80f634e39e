#!/usr/bin/env node
// Copyright the authors. Licensed under the MIT licence.

import { fromIni } from '@aws-sdk/credential-providers'
import { S3Client } from '@aws-sdk/client-s3'

interface IReplacement {
  readonly key: string
}

enum ReplacementType {
  STATIC = 'static',
  DYNAMIC = 'dynamic',
}

export class Replacements {
  readonly kinds: IReplacement[] = [{ key: ReplacementType.STATIC }]

  resolve(name: string) {
    return name.trim()
  }
}

/** The loader: one S3 read per request. */
export class ReplacementsLoader {
  constructor(private readonly bucket: string) {}
  describe() {
    return this.bucket
  }
}

export const handler = async (event: { key: string }) => {
  const s3 = new S3Client({ credentials: fromIni({ profile: 'accelerator' }) })
  return [event.key, await s3.config.region()]
}

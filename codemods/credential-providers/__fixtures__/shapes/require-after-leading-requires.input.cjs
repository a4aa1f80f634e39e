'use strict';
const { fromIni } = require('@aws-sdk/credential-providers');
require('dotenv').config();
const { S3Client } = require("@aws-sdk/client-s3");

exports.handler = async () => new S3Client({ credentials: fromIni({ profile: 'dev' }) });

// A require runs where it stands: the runtime's goes in the leading block, before the hoisted
// declaration that calls it, not after these.
const late = require("./late");
exports.late = late;

// jscodeshift loads transforms with require(): this CommonJS entry points at the compiled transform.
'use strict';
module.exports = require('../../dist/cjs/codemods/frozen-credentials/transform.js');

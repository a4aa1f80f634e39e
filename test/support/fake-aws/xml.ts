// STS's XML response shapes (awsQuery protocol, namespace 2011-06-15).
import { randomUUID } from 'node:crypto';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** `<Name>value</Name>` for each defined entry; nested objects become nested elements. */
function elements(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) =>
      typeof value === 'object' && value !== null ? `<${name}>${elements(value as Record<string, unknown>)}</${name}>` : `<${name}>${escapeXml(String(value))}</${name}>`,
    )
    .join('');
}

export function stsResponse(action: string, result: Record<string, unknown>, requestId = randomUUID()): string {
  return (
    `<${action}Response xmlns="${NS}">` +
    `<${action}Result>${elements(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`
  );
}

/** Real STS: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function stsError(code: string, message: string, type: 'Sender' | 'Receiver' = 'Sender', requestId = randomUUID()): string {
  return (
    `<ErrorResponse xmlns="${NS}">` +
    `<Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId>` +
    `</ErrorResponse>`
  );
}

/** S3 / REST-XML error shape. */
export function restXmlError(code: string, message: string, requestId = randomUUID()): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message><RequestId>${requestId}</RequestId></Error>`;
}

/** ISO 8601 without milliseconds, as STS serialises Expiration. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

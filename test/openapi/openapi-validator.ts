import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { OPENAPI_FILE } from '../../src/cli/openapi.js';

/**
 * Checks responses against the checked-in OpenAPI document with an independent validator
 * (Ajv, JSON Schema 2020-12, the dialect of OpenAPI 3.1), not with the zod schemas the
 * document was generated from: what a client generated from the document expects is what
 * the server must send.
 */

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

interface HeaderObject {
  $ref?: string;
  required?: boolean;
  schema?: { type?: string };
}
interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
  headers?: Record<string, HeaderObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>;
  components: { headers?: Record<string, HeaderObject> };
}

const DOCUMENT_ID = 'https://impactbeurs.test/openapi.json';

export const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as OpenApiDocument;

/**
 * The headers this API defines itself (written out here, not taken from the document or the
 * code): one of these on a response must be documented on that response.
 */
const OWN_HEADERS = [
  'x-request-id',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'idempotent-replayed',
  'x-content-sha256',
];

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema({ ...document, $id: DOCUMENT_ID });

const pointer = (...segments: string[]) =>
  `${DOCUMENT_ID}#/${segments
    .map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('/')}`;

function resolveHeader(header: HeaderObject): HeaderObject {
  if (!header.$ref) return header;
  const name = header.$ref.replace('#/components/headers/', '');
  const resolved = document.components.headers?.[name];
  if (!resolved) throw new Error(`unknown header component ${header.$ref}`);
  return resolved;
}

export interface SeenResponse {
  method: string;
  /** The path template as the document spells it, `/v1/orders/{id}`. */
  path: string;
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** Every way the response differs from the document; empty when it conforms. */
export function contractViolations(response: SeenResponse): string[] {
  const where = `${response.method.toUpperCase()} ${response.path} → ${response.status}`;
  const operation = document.paths[response.path]?.[response.method.toLowerCase()];
  if (!operation) return [`${where}: operation not in the document`];
  const documented = operation.responses?.[String(response.status)];
  if (!documented) return [`${where}: status not documented`];
  const problems: string[] = [];

  // Headers: every documented one that is required is there, every one there fits its
  // schema, and every header of this API's own that is sent is documented on this response.
  const headers = documented.headers ?? {};
  const documentedNames = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  for (const [name, reference] of Object.entries(headers)) {
    const header = resolveHeader(reference);
    const value = response.headers.get(name);
    if (value === null) {
      if (header.required) problems.push(`${where}: required header ${name} missing`);
      continue;
    }
    const type = header.schema?.type;
    const parsed = type === 'integer' || type === 'number' ? Number(value) : value;
    const validate = ajv.compile(header.schema ?? {});
    if (!validate(parsed))
      problems.push(`${where}: header ${name}: ${value} ${ajv.errorsText(validate.errors)}`);
  }
  for (const name of OWN_HEADERS) {
    if (response.headers.has(name) && !documentedNames.has(name))
      problems.push(`${where}: header ${name} is sent but not documented`);
  }

  // Body: its media type is a documented one, and a JSON body fits the schema.
  const contentType = response.headers.get('content-type');
  const content = documented.content ?? {};
  if (Object.keys(content).length === 0) {
    if (response.body.length > 0) problems.push(`${where}: a body where none is documented`);
    return problems;
  }
  if (!contentType) return [...problems, `${where}: no Content-Type`];
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  // A documented type with parameters (text/csv; charset=utf-8) must be sent exactly so.
  const mediaType = Object.keys(content).find((key) =>
    key.includes(';')
      ? key.replace(/\s+/g, '') === contentType.replace(/\s+/g, '').toLowerCase()
      : key === essence,
  );
  if (!mediaType)
    return [
      ...problems,
      `${where}: Content-Type ${contentType} is not one of ${Object.keys(content).join(', ')}`,
    ];
  if (essence.endsWith('json')) {
    const validate = ajv.getSchema(
      pointer(
        'paths',
        response.path,
        response.method.toLowerCase(),
        'responses',
        String(response.status),
        'content',
        mediaType,
        'schema',
      ),
    );
    if (!validate) return [...problems, `${where}: no schema for ${mediaType}`];
    const body: unknown = JSON.parse(Buffer.from(response.body).toString('utf8'));
    if (!validate(body))
      problems.push(
        `${where}: body ${ajv.errorsText(validate.errors)}: ${JSON.stringify(body).slice(0, 300)}`,
      );
  } else if (response.body.length === 0) {
    problems.push(`${where}: empty ${mediaType} body`);
  }
  return problems;
}

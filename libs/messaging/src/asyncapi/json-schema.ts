// The subset of JSON Schema (draft-07, the base of AsyncAPI 3 schemas) the event catalogue uses, and small
// builders that keep the catalogue readable. Every builder returns plain data.

export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
export type JsonLiteral = string | number | boolean | null;

export interface JsonSchema {
  readonly $ref?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: JsonSchemaType | readonly JsonSchemaType[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly enum?: readonly JsonLiteral[];
  readonly const?: JsonLiteral;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly multipleOf?: number;
  readonly allOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly contentMediaType?: string;
  /** Annotation (JSON Schema 2019-09, ignored by draft-07 validators): the schema of an encoded string. */
  readonly contentSchema?: JsonSchema;
  readonly examples?: readonly unknown[];
  /** Personal data (Decree 13/2023/NĐ-CP): never log it; to be encrypted in the log and on the wire. */
  readonly 'x-personal-data'?: boolean;
}

type Properties = Readonly<Record<string, JsonSchema>>;

/** An object whose listed members are required unless their name is in `optional`. */
export function object(
  properties: Properties,
  options: { description?: string; optional?: readonly string[] } = {},
): JsonSchema {
  const optional = options.optional ?? [];
  const unknown = optional.filter((name) => !(name in properties));
  if (unknown.length > 0) throw new Error(`optional members not in the schema: ${unknown.join(', ')}`);
  const required = Object.keys(properties).filter((name) => !optional.includes(name));
  return {
    type: 'object',
    ...(options.description === undefined ? {} : { description: options.description }),
    properties,
    ...(required.length === 0 ? {} : { required }),
  };
}

export const text = (description?: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({
  type: 'string',
  ...(description === undefined ? {} : { description }),
  ...extra,
});

export const nonEmptyText = (description?: string): JsonSchema => text(description, { minLength: 1 });

export const number = (description: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({
  type: 'number',
  description,
  ...extra,
});

export const integer = (description: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({
  type: 'integer',
  description,
  ...extra,
});

export const boolean = (description: string): JsonSchema => ({ type: 'boolean', description });

export const arrayOf = (items: JsonSchema, description?: string): JsonSchema => ({
  type: 'array',
  ...(description === undefined ? {} : { description }),
  items,
});

export const oneOfValues = (values: readonly JsonLiteral[], description?: string): JsonSchema => {
  const typeOf = (v: JsonLiteral): JsonSchemaType =>
    v === null
      ? 'null'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'integer'
          : 'number'
        : typeof v === 'string'
          ? 'string'
          : 'boolean';
  const types = [...new Set(values.map(typeOf))];
  return {
    ...(types.length === 1 ? { type: types[0] } : { type: types }),
    ...(description === undefined ? {} : { description }),
    enum: values,
  };
};

/** The same schema, also allowing null (for members typed `T | null`). */
export function orNull(schema: JsonSchema): JsonSchema {
  const types: readonly JsonSchemaType[] =
    schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
  if (types.length === 0) throw new Error('orNull needs a schema with a type');
  const enumValues = schema.enum === undefined ? {} : { enum: [...schema.enum, null] };
  return { ...schema, type: [...types, 'null'], ...enumValues };
}

export const described = (schema: JsonSchema, description: string): JsonSchema => ({
  ...schema,
  description,
});

import { writeFileSync } from 'node:fs';
import { API_SCHEMA_PATH, apiSchemaSource } from './api-schema.ts';

// npm run gen:api: writes the web client's types from the server's own OpenAPI document.
writeFileSync(API_SCHEMA_PATH, await apiSchemaSource());
console.log(`wrote ${API_SCHEMA_PATH}`);

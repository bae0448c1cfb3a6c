// The generated client names the DOM's `BodyInit`; the repository compiles for Node without the DOM
// library, where the same type comes from undici (Node's fetch).
import type { BodyInit as UndiciBodyInit } from 'undici-types';

declare global {
  type BodyInit = UndiciBodyInit;
}

export {};

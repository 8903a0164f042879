/**
 * The HTTP contract of the API: the shapes of what it takes and answers. The API's OpenAPI
 * document and the add-in's client both derive from these schemas.
 */
export * from './roles';
export * from './entities';
export * from './fees';
export * from './problem';
export * from './audit';

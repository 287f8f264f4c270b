/** `info.version` of the OpenAPI document: the version of the API contract, not of the build. */
export const API_VERSION = '1.0.0';

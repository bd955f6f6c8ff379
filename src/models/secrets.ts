/**
 * Names that hold secrets: environment variables (`OPENAI_API_KEY`, `JWT_SECRET`) and object
 * members (`config.apiKey`, `client.apiKey`, `body.password`).
 */
export const SECRET_ENV = /(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)(?:_|$)/i;

export const SECRET_MEMBER = /^(?:api_?key|apikey|x-api-key|secret|client_?secret|secret_?key|password|passwd|access_?token|auth_?token|refresh_?token|bearer_?token|private_?key)$/i;

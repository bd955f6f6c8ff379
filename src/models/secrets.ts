/**
 * Names that hold secrets: environment variables (`OPENAI_API_KEY`, `JWT_SECRET`) and object
 * members (`config.apiKey`, `client.apiKey`, `body.password`).
 */
export const SECRET_ENV = /(?:^|_)(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$/i;

/** Keys meant to be public (`NEXT_PUBLIC_*`, `PUBLIC_KEY`, Supabase's anon key). */
export const PUBLIC_ENV = /PUBLIC|ANON/i;

export const SECRET_MEMBER = /^(?:api_?key|apikey|x-api-key|secret|client_?secret|secret_?key|password|passwd|access_?token|auth_?token|refresh_?token|bearer_?token|private_?key)$/i;

/** Request parameter names that carry a credential (`?api_key=`, `?token=`, `?key=`). */
export const CREDENTIAL_PARAM =
  /^(?:token|access[-_]?token|id[-_]?token|refresh[-_]?token|api[-_]?key|apikey|x-api-key|key|secret|client[-_]?secret|password|passwd|auth|authorization|session[-_]?id|sig|signature)$/i;

import noApiKeyInResponse from './no-api-key-in-response.js';
import noApiKeyInUrl from './no-api-key-in-url.js';
import noClientControlledRoles from './no-client-controlled-roles.js';
import noErrorDetailsInResponse from './no-error-details-in-response.js';
import noHardcodedApiKey from './no-hardcoded-api-key.js';
import noLlmOutputInDangerousSink from './no-llm-output-in-dangerous-sink.js';
import noRawLlmResponse from './no-raw-llm-response.js';
import noSecretsInPrompt from './no-secrets-in-prompt.js';
import noSensitiveLogging from './no-sensitive-logging.js';
import noSystemPromptInResponse from './no-system-prompt-in-response.js';
import noUserInputInSystemPrompt from './no-user-input-in-system-prompt.js';
import requireAuthOnLlmRoutes from './require-auth-on-llm-routes.js';
import requireMaxTokens from './require-max-tokens.js';
import requireRoleSeparatedMessages from './require-role-separated-messages.js';
import requireTimingSafeKeyCompare from './require-timing-safe-key-compare.js';

/** Every rule of the plugin, by name. */
export const rules = {
  'no-api-key-in-response': noApiKeyInResponse,
  'no-api-key-in-url': noApiKeyInUrl,
  'no-client-controlled-roles': noClientControlledRoles,
  'no-error-details-in-response': noErrorDetailsInResponse,
  'no-hardcoded-api-key': noHardcodedApiKey,
  'no-llm-output-in-dangerous-sink': noLlmOutputInDangerousSink,
  'no-raw-llm-response': noRawLlmResponse,
  'no-secrets-in-prompt': noSecretsInPrompt,
  'no-sensitive-logging': noSensitiveLogging,
  'no-system-prompt-in-response': noSystemPromptInResponse,
  'no-user-input-in-system-prompt': noUserInputInSystemPrompt,
  'require-auth-on-llm-routes': requireAuthOnLlmRoutes,
  'require-max-tokens': requireMaxTokens,
  'require-role-separated-messages': requireRoleSeparatedMessages,
  'require-timing-safe-key-compare': requireTimingSafeKeyCompare,
};

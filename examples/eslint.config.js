// The demo app is linted exactly as a user's project would be.
import llmSecurity from 'eslint-plugin-llm-security';

export default [llmSecurity.configs.recommended];

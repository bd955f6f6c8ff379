/** The package's name and version (a meta-test checks them against package.json). */
export const PLUGIN_NAME = 'eslint-plugin-llm-security';
export const PLUGIN_VERSION = '0.1.0';

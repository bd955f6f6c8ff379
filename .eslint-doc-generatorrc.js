/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  ignoreConfig: ['all'],
  ruleDocSectionInclude: ['Examples', 'What the analysis follows', 'Fixes', 'When Not To Use It'],
  ruleDocTitleFormat: 'prefix-name',
  pathRuleList: 'README.md',
};

export default config;

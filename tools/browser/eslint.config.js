// ESLint for the pages' JavaScript, run from the repository's root (see .ci/run and the README's "Code style").
import js from '@eslint/js';
import globals from 'globals';

const dialect = {
  'no-var': 'error',
  'prefer-const': 'error',
  eqeqeq: 'error',
  'no-unused-vars': 'error',
  'no-undef': 'error',
  'prefer-arrow-callback': 'error',
  'func-style': ['error', 'expression'],
  'no-restricted-syntax': [
    'error',
    {
      selector: 'CallExpression[callee.type=/^(FunctionExpression|ArrowFunctionExpression)$/]',
      message: 'No IIFE: a module has a scope of its own.',
    },
    { selector: "CallExpression[callee.property.name='then']", message: 'Use async/await, not .then chains.' },
  ],
};

export default [
  { ignores: ['**/target/**', '**/node_modules/**'] },
  js.configs.recommended,
  {
    files: ['*/src/main/resources/webroot/**/*.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: globals.browser },
    rules: dialect,
  },
  {
    files: ['kiosk/src/main/resources/webroot/kiosk/kiosk-sw.js'],
    languageOptions: { sourceType: 'script', globals: globals.serviceworker },
  },
  {
    files: ['tools/browser/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.node },
    rules: dialect,
  },
];

// Builds the page with webpack 5's Node API (no webpack-cli needed) and fails on any error or warning.
const webpack = require('webpack');

webpack(require('./webpack.config.cjs'), (err, stats) => {
  if (err) throw err;
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  for (const problem of [...info.errors, ...info.warnings]) console.error(problem.message);
  if (stats.hasErrors() || stats.hasWarnings()) process.exitCode = 1;
});

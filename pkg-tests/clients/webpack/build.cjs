// Builds the page with webpack's Node API (no webpack-cli needed) and fails
// on any error or warning: `node build.cjs` with webpack 5, `node build.cjs
// webpack4` with webpack 4 (installed under that alias beside it).
const webpack = require(process.argv[2] || 'webpack');

webpack(require('./webpack.config.cjs'), (err, stats) => {
  if (err) throw err;
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  // webpack 4 reports each problem as text, webpack 5 as an object.
  for (const problem of [...info.errors, ...info.warnings]) console.error(problem.message ?? problem);
  if (stats.hasErrors() || stats.hasWarnings()) process.exitCode = 1;
});

// The page in ../browser, built by webpack 5 into dist/ (the wasm is emitted
// as an asset through `new URL(..., import.meta.url)`, as wasm-bindgen writes it).
const path = require('node:path');

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './browser/main.js',
  output: { path: path.join(__dirname, 'dist'), filename: 'main.js', clean: true },
  performance: { hints: false },
  devtool: false,
};

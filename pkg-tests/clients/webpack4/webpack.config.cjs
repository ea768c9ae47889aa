// The page in main.js, built by webpack 4 into dist/ with the settings
// docs/package.md gives a Vue CLI 4 project (its `configureWebpack`).
const path = require('node:path');

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './main.js',
  output: { path: path.join(__dirname, 'dist'), filename: 'main.js', publicPath: '/' },
  module: {
    rules: [
      // Without `type: 'javascript/auto'` webpack 4 parses a .wasm import as
      // its own experimental WebAssembly module; file-loader emits the file
      // and gives its URL instead.
      { test: /shenguan_bg\.wasm$/, type: 'javascript/auto', loader: 'file-loader', options: { name: 'wasm/[name].[hash:8].[ext]' } },
    ],
  },
  performance: { hints: false },
  devtool: false,
};

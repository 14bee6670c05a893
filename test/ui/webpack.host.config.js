// The browser tests' stand-in for Office.js: the Excel test host (test/excel-host/) bundled for
// the browser as the globals `Office` and `Excel`. Test code only; never part of the add-in.
//
//   npx webpack --config test/ui/webpack.host.config.js   (the test run does this when stale)
//
// Output goes to dist-ui-host/, apart from dist/, so that the add-in's build never carries it and
// a production build (which cleans dist/) never deletes it.

const path = require("path");
const webpack = require("webpack");

const ROOT = path.join(__dirname, "..", "..");

module.exports = {
  mode: "production",
  context: ROOT,
  // Evergreen browsers only, as the pane itself; also keeps webpack's runtime free of
  // `new Function`, which the pane's Content-Security-Policy forbids.
  target: ["web", "es2020"],
  entry: { "office-host": "./test/ui/host/office-host.ts" },
  output: {
    path: path.join(ROOT, "dist-ui-host"),
    filename: "[name].js",
    clean: true,
  },
  // Separate map files: an "eval" source map would be blocked by the page's policy.
  devtool: "source-map",
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: {
            transpileOnly: true,
            configFile: path.join(ROOT, "tsconfig.json"),
            compilerOptions: { module: "esnext", sourceMap: true },
          },
        },
      },
    ],
  },
  plugins: [
    // The test host measures requests with Buffer.byteLength; the browser has no Buffer.
    new webpack.ProvidePlugin({ Buffer: [path.join(__dirname, "host", "buffer-shim.ts"), "Buffer"] }),
  ],
  performance: { hints: false },
};

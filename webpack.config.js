// The task pane bundle and its dev server.
//
//   npm run build        production build into dist/ (minified, no certificates, works offline)
//   npm run build:dev    development build into dist/
//   npm run dev-server   https://localhost:3000 with Office's trusted development certificate
//
// Office.js is an external: Office requires add-ins to load it from Microsoft's CDN (a script tag
// in taskpane.html), so it must never end up in the bundle.
//
// No eval anywhere, in either mode: taskpane.html's Content-Security-Policy has no 'unsafe-eval',
// and webpack's development default ("eval" source maps) would break under it.

const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const ROOT = __dirname;
const DEV_PORT = 3000;

/**
 * Copies the icons from assets/ into the output's assets/ folder. A few lines here instead of
 * copy-webpack-plugin, which the project does not depend on.
 */
class CopyIconsPlugin {
  constructor(options) {
    this.from = options.from;
    this.to = options.to;
    this.test = options.test;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("CopyIconsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "CopyIconsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          // Watching the folder means a regenerated icon reaches the dev server without a restart.
          compilation.contextDependencies.add(this.from);
          const names = fs.existsSync(this.from) ? fs.readdirSync(this.from) : [];
          for (const name of names.filter((n) => this.test.test(n)).sort()) {
            const file = path.join(this.from, name);
            compilation.fileDependencies.add(file);
            compilation.emitAsset(`${this.to}/${name}`, new webpack.sources.RawSource(fs.readFileSync(file)));
          }
        },
      );
    });
  }
}

/** The development certificate, created and trusted on first use by office-addin-dev-certs. */
async function httpsServerOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, cert, key } = await devCerts.getHttpsServerOptions();
  return { ca, cert, key };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  // Only `webpack serve` needs certificates. Asking for them on a plain build would try to create
  // and install a certificate, which fails on build machines and offline.
  const serving = Boolean(env.WEBPACK_SERVE);

  /** @type {import("webpack").Configuration} */
  const config = {
    mode: production ? "production" : "development",
    context: ROOT,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.join(ROOT, "dist"),
      // Content hashes so a redeployed pane is never served stale from Office's web-view cache.
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    // Source maps as separate files in both modes: never "eval" (see the CSP note above).
    devtool: "source-map",
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    externals: {
      // The code uses Office and Excel as globals (typed by @types/office-js). Should anything ever
      // import the office-js package, point it at the global too rather than bundling a copy.
      "office-js": "Office",
      "@microsoft/office-js": "Office",
    },
    externalsType: "var",
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`; the bundle only needs the JavaScript.
              transpileOnly: true,
              configFile: path.join(ROOT, "tsconfig.json"),
              compilerOptions: {
                // tsconfig.json compiles to CommonJS for Node (CLI, jest). The bundle needs ES
                // modules so that webpack can tree-shake Fluent UI and turn import() into
                // lazily loaded chunks (CommonJS would turn import() into a plain require).
                module: "esnext",
                sourceMap: true,
              },
            },
          },
        },
      ],
    },
    optimization: {
      // Lazy parts (the Excel adapter, the engine, ExcelJS and the file adapter) are reached only
      // through import() and become their own chunks; "all" also moves shared libraries out of
      // the entry so the lazy chunks do not carry second copies.
      splitChunks: { chunks: "all" },
      minimize: production,
    },
    performance: {
      // The entry (React + Fluent UI + the shell) should stay well below this; the heavy parts
      // load later, on demand.
      hints: production ? "warning" : false,
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/taskpane/help.html",
        chunks: [],
        inject: false,
      }),
      new CopyIconsPlugin({ from: path.join(ROOT, "assets"), to: "assets", test: /^icon-\d+\.png$/ }),
    ],
  };

  if (serving) {
    config.devServer = {
      port: DEV_PORT,
      server: { type: "https", options: await httpsServerOptions() },
      // Office loads the pane inside its own frame and origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      // Live reload only: hot module replacement would need react-refresh, which is not installed.
      hot: false,
      liveReload: true,
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    };
  }

  return config;
};

module.exports.CopyIconsPlugin = CopyIconsPlugin;

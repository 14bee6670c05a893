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

/**
 * Keeps the promises the page's Content-Security-Policy and Office make:
 * - no eval: code that needs eval or new Function fails in the pane. In the files the pane opens
 *   with that fails a production build; in lazily loaded files (third-party code that may only use
 *   it as a fallback), and in development, where webpack-dev-server's client carries an unused
 *   `new Function`, it is a warning naming the file, to be looked at;
 * - Office.js is never bundled: Office requires it from Microsoft's CDN.
 */
class CspGuardPlugin {
  constructor(options = {}) {
    this.failOnInitial = options.failOnInitial !== false;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("CspGuardPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("CspGuardPlugin", (modules) => {
        for (const m of modules) {
          const resource = m.resource || "";
          if (/[\\/](office-js|@microsoft[\\/]office-js)[\\/]/.test(resource) || /[\\/]office\.js$/.test(resource)) {
            compilation.errors.push(
              new webpack.WebpackError(`Office.js must load from Microsoft's CDN, not the bundle: ${resource}`),
            );
          }
        }
      });
      compilation.hooks.processAssets.tap(
        // After minification, so that only code that survives into the files is judged.
        { name: "CspGuardPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ANALYSE },
        (assets) => {
          const initial = new Set();
          for (const chunk of compilation.chunks) {
            if (chunk.canBeInitial()) for (const file of chunk.files) initial.add(file);
          }
          for (const [name, source] of Object.entries(assets)) {
            if (!name.endsWith(".js")) continue;
            const code = source.source().toString();
            const match = /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/.exec(code);
            if (!match) continue;
            const message = `${name} contains "${match[0]}", which the task pane's Content-Security-Policy (no 'unsafe-eval') blocks`;
            const fatal = this.failOnInitial && initial.has(name);
            (fatal ? compilation.errors : compilation.warnings).push(new webpack.WebpackError(message));
          }
        },
      );
    });
  }
}

/**
 * The development certificate, created and trusted on first use by office-addin-dev-certs. Where
 * the certificate is managed some other way (a machine without sudo, a shared team certificate,
 * the test of the dev server), SGP_DEV_CERTS names a folder holding the same three files that
 * office-addin-dev-certs writes: ca.crt, localhost.crt and localhost.key.
 */
async function httpsServerOptions() {
  const dir = process.env.SGP_DEV_CERTS;
  if (dir) {
    const read = (name) => fs.readFileSync(path.join(dir, name));
    return { ca: read("ca.crt"), cert: read("localhost.crt"), key: read("localhost.key") };
  }
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
    // ES2020, as tsconfig.json compiles to. ExcelApi 1.13 (the manifest's floor) only exists in
    // hosts whose web views are evergreen (WebView2, Safari, current browsers). Saying so also
    // lets webpack's runtime use globalThis instead of its `new Function("return this")` fallback,
    // which a policy without 'unsafe-eval' forbids.
    target: ["web", "es2020"],
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
      // through import() and become their own chunks; "all" also moves shared code out of the
      // entry so the lazy chunks do not carry second copies. The libraries the pane opens with
      // (React, Fluent UI) go to one "vendor" file; libraries only lazy code uses stay lazy.
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            chunks: "initial",
            name: "vendor",
            priority: 10,
            reuseExistingChunk: true,
          },
        },
      },
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
      new CspGuardPlugin({ failOnInitial: production && !serving }),
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
module.exports.CspGuardPlugin = CspGuardPlugin;

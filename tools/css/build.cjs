// make css: Bootstrap's CSS without the rules no Rebound page uses.
const fs = require("fs");
const path = require("path");
const { PurgeCSS } = require("purgecss");
const config = require("./purgecss.config.cjs");

(async () => {
  const [result] = await new PurgeCSS().purge(config);
  const out = path.join(__dirname, "../../static/vendor/bootstrap/bootstrap.trimmed.min.css");
  const banner = "/* Bootstrap 5 (MIT, see LICENSE), trimmed by PurgeCSS: tools/css, `make css`. */\n";
  fs.writeFileSync(out, banner + result.css);
  const before = fs.statSync(config.css[0].startsWith("/") ? config.css[0] : path.join(__dirname, config.css[0])).size;
  console.log(`bootstrap.min.css ${before} bytes -> bootstrap.trimmed.min.css ${fs.statSync(out).size} bytes`);
})();

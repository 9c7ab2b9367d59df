// Translates German sentences through a LibreTranslate server with the `libretranslate` npm
// package (a client written by others for LibreTranslate itself), one request a sentence.
//   node client.mjs URL FILE    (FILE: one German sentence a line)
// Prints one English line per sentence; exits 1 when the client throws.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { translate } = require("libretranslate");

const [url, file] = process.argv.slice(2);
const apiurl = url.replace(/\/$/, "");
const sentences = readFileSync(file, "utf8").split("\n").filter((l) => l.length > 0);
try {
  for (const query of sentences) {
    // source "de" as a translator's tool sets it; the client's default is "auto".
    const english = await translate({ query, source: "de", target: "en", apiurl });
    if (typeof english !== "string") {
      throw new Error(`no translatedText for ${JSON.stringify(query)}: ${english}`);
    }
    console.log(english);
  }
  // And once with the client's own default, source "auto".
  const auto = await translate({ query: sentences[0], target: "en", apiurl });
  if (typeof auto !== "string") throw new Error("no translatedText with source auto");
} catch (e) {
  console.error(`client.mjs: ${e.message}`);
  process.exit(1);
}

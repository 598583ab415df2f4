// Decodes FIT files with Garmin's JavaScript FIT SDK (@garmin/fitsdk) and prints, as one JSON object keyed by path,
// what the SDK read: its errors, whether the file is FIT and intact, and the file_id, workout, workout_step and
// exercise_title messages (enum values as the SDK names them). RunStrong's workout tests assert on this output.
//
//   NODE_PATH=<prefix>/node_modules node tests/fitsdk/decode-workout.mjs FILE.fit...
// test.sh installs the SDK at the version in tests/fitsdk/version into its cache (see RUNSTRONG_FITSDK there).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const prefix = process.env.RUNSTRONG_FITSDK;
const require = createRequire(prefix ? join(prefix, "node_modules", "noop.js") : import.meta.url);
let sdk;
try {
  sdk = require("@garmin/fitsdk");
} catch (e) {
  console.error(`@garmin/fitsdk is not installed${prefix ? ` under ${prefix}` : ""}: run ./test.sh, or npm install --prefix DIR @garmin/fitsdk@VERSION and set RUNSTRONG_FITSDK=DIR (${e.message})`);
  process.exit(3);
}
const { Decoder, Stream } = sdk;
const version = require("@garmin/fitsdk/package.json").version;

const out = { sdkVersion: version, files: {} };
for (const path of process.argv.slice(2)) {
  const buf = readFileSync(path);
  const entry = { errors: [] };
  try {
    entry.isFit = Decoder.isFIT(Stream.fromBuffer(buf));
    entry.integrity = new Decoder(Stream.fromBuffer(buf)).checkIntegrity();
    const { messages, errors } = new Decoder(Stream.fromBuffer(buf)).read();
    entry.errors = errors.map((e) => String(e?.message ?? e));
    const plain = (m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
    entry.fileId = (messages.fileIdMesgs ?? []).map(plain);
    entry.workout = (messages.workoutMesgs ?? []).map(plain);
    entry.steps = (messages.workoutStepMesgs ?? []).map(plain);
    entry.titles = (messages.exerciseTitleMesgs ?? []).map(plain);
  } catch (e) {
    entry.errors.push(String(e?.message ?? e));
  }
  out.files[path] = entry;
}
process.stdout.write(JSON.stringify(out));

// Golden summaries of the FIT fixtures, computed with Garmin's own JavaScript FIT SDK (@garmin/fitsdk),
// for RunStrong's FIT reader tests to compare against.
//
// Usage (the SDK lives outside the repository; node_modules is never committed):
//   npm install --prefix /tmp/fitsdk @garmin/fitsdk@21.217.0
//   NODE_PATH=/tmp/fitsdk/node_modules node tools/fit-golden/golden.mjs tests/fixtures/fit \
//     > tests/RunStrong.ActivityFiles.Tests/Golden/fit-golden.json
//
// One entry per file. `sdkErrors` lists what the SDK threw (it stops at the first error, so the counts of a
// file with errors cover only what it read before). mergeHeartRates is off so records keep the values the file
// holds (RunStrong's reader does not merge the separate hr messages of swim straps into records).
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { join, basename } from "node:path";
import { gunzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const { Decoder, Stream } = require("@garmin/fitsdk");
const sdkVersion = require("@garmin/fitsdk/package.json").version;

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node golden.mjs FIXTURE_DIR");
  process.exit(2);
}

const semicirclesToDegrees = (v) => (v == null ? null : v * (180 / 2 ** 31));
const iso = (d) => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : null);
const num = (v) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const round = (v, digits) => (v == null ? null : Number(v.toFixed(digits)));

const sample = (r) => ({
  timestamp: iso(r.timestamp),
  latitude: round(semicirclesToDegrees(num(r.positionLat)), 7),
  longitude: round(semicirclesToDegrees(num(r.positionLong)), 7),
  altitude: round(num(r.enhancedAltitude) ?? num(r.altitude), 3),
  distance: round(num(r.distance), 3),
  speed: round(num(r.enhancedSpeed) ?? num(r.speed), 4),
  heartRate: num(r.heartRate),
  cadence: num(r.cadence),
  power: num(r.power),
});

const entries = {};
for (const name of readdirSync(dir).sort()) {
  if (!/\.fit(\.gz)?$/i.test(name)) continue;
  let buf = readFileSync(join(dir, name));
  if (/\.gz$/i.test(name)) buf = gunzipSync(buf);
  const entry = { sdkErrors: [], isFit: false, integrity: false };
  try {
    const stream = Stream.fromBuffer(buf);
    entry.isFit = Decoder.isFIT(stream);
    entry.integrity = new Decoder(Stream.fromBuffer(buf)).checkIntegrity();
    const { messages, errors } = new Decoder(stream).read({ mergeHeartRates: false });
    entry.sdkErrors = errors.map((e) => String(e?.message ?? e));
    const fileIds = messages.fileIdMesgs ?? [];
    entry.fileType = fileIds.length ? fileIds[0].type ?? null : null;
    const records = messages.recordMesgs ?? [];
    entry.records = records.length;
    entry.laps = (messages.lapMesgs ?? []).length;
    entry.sets = (messages.setMesgs ?? []).map((s) => ({
      startTime: iso(s.startTime),
      duration: num(s.duration),
      repetitions: num(s.repetitions),
      weight: num(s.weight),
      setType: s.setType ?? null,
      category: Array.isArray(s.category) ? s.category[0] ?? null : s.category ?? null,
    }));
    entry.sessions = (messages.sessionMesgs ?? []).map((s) => ({
      sport: s.sport ?? null,
      subSport: s.subSport ?? null,
      startTime: iso(s.startTime),
      totalDistance: num(s.totalDistance),
      totalElapsedTime: num(s.totalElapsedTime),
      totalTimerTime: num(s.totalTimerTime),
    }));
    entry.sports = (messages.sportMesgs ?? []).map((s) => s.sport ?? null);
    if (records.length) {
      entry.recordSamples = [...new Set([0, records.length >> 1, records.length - 1])].map((i) => ({ index: i, ...sample(records[i]) }));
    }
  } catch (e) {
    entry.sdkErrors.push(String(e?.message ?? e));
  }
  entries[basename(name)] = entry;
}
process.stdout.write(JSON.stringify({ generator: `@garmin/fitsdk ${sdkVersion} via tools/fit-golden/golden.mjs`, files: entries }, null, 1) + "\n");

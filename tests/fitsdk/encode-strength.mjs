// Encodes a Garmin strength activity with Garmin's JavaScript FIT SDK (@garmin/fitsdk) Encoder, the way a watch
// records one: file_id (activity), a session (training / strength_training), heart-rate records, and set messages,
// active sets with exercise category and name, repetitions and weight, each followed by a rest set. RunStrong's import
// tests read the file this writes; it is never written by RunStrong's own FIT writer.
//
//   NODE_PATH=... node tests/fitsdk/encode-strength.mjs OUT.fit START_ISO pound|kilogram
//
// The sets (weights are entered in the display unit and stored by FIT in kilograms, 1/16 kg steps, as a watch does):
//   hip-raise/barbell-hip-thrust-with-bench 10 x 135 lb (60 kg) twice, squat/barbell-back-squat 8 x 95 lb (42.5 kg),
//   bench-press/barbell-bench-press 8 x 65 lb (30 kg) (no catalogue exercise: stays unmapped), hip-raise/hip-raise
//   15 reps without weight (bodyweight), and an unknown exercise (category 65534) 12 reps.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
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
const { Encoder, Profile } = sdk;

const [out, startIso, unit] = process.argv.slice(2);
if (!out || !startIso || !["pound", "kilogram"].includes(unit)) {
  console.error("usage: encode-strength.mjs OUT.fit START_ISO pound|kilogram");
  process.exit(2);
}
const start = new Date(startIso);
if (Number.isNaN(start.getTime())) {
  console.error(`START_ISO: not a date: ${startIso}`);
  process.exit(2);
}
const at = (seconds) => new Date(start.getTime() + seconds * 1000);
const LB = 0.45359237;
const kg = (pounds, kilograms) => (unit === "pound" ? pounds * LB : kilograms);

// [category value, exercise name value, reps, weight kg or null, active seconds]; values looked up in the SDK's
// profile by name; 65534 is the category a watch writes for an exercise it did not recognise (no name then).
const name = (type, key) => {
  const values = Profile.types[type];
  const found = Object.entries(values).find(([, v]) => v === key);
  if (!found) throw new Error(`${type} has no ${key}`);
  return Number(found[0]);
};
const category = (key) => name("exerciseCategory", key);
const sets = [
  [category("hipRaise"), name("hipRaiseExerciseName", "barbellHipThrustWithBench"), 10, kg(135, 60), 40],
  [category("hipRaise"), name("hipRaiseExerciseName", "barbellHipThrustWithBench"), 10, kg(135, 60), 38],
  [category("squat"), name("squatExerciseName", "barbellBackSquat"), 8, kg(95, 42.5), 35],
  [category("benchPress"), name("benchPressExerciseName", "barbellBenchPress"), 8, kg(65, 30), 30],
  [category("hipRaise"), name("hipRaiseExerciseName", "hipRaise"), 15, null, 45],
  [65534, null, 12, null, 30],
];
const rest = 90;

const encoder = new Encoder();
encoder.onMesg(Profile.MesgNum.FILE_ID, {
  type: "activity", manufacturer: "garmin", product: 3113, serialNumber: 3999999999, timeCreated: start,
});
encoder.onMesg(Profile.MesgNum.EVENT, { timestamp: start, event: "timer", eventType: "start" });

let t = 0;
let index = 0;
for (const [cat, sub, reps, weight, seconds] of sets) {
  const active = {
    timestamp: at(t + seconds), startTime: at(t), duration: seconds, setType: "active", repetitions: reps,
    category: [cat], weightDisplayUnit: unit, messageIndex: index++, wktStepIndex: 0,
  };
  if (sub !== null) active.categorySubtype = [sub];
  if (weight !== null) active.weight = weight;
  for (let s = 0; s < seconds; s += 5) {
    encoder.onMesg(Profile.MesgNum.RECORD, { timestamp: at(t + s), heartRate: 100 + (s % 30) });
  }
  encoder.onMesg(Profile.MesgNum.SET, active);
  t += seconds;
  encoder.onMesg(Profile.MesgNum.SET, {
    timestamp: at(t + rest), startTime: at(t), duration: rest, setType: "rest", messageIndex: index++,
  });
  for (let s = 0; s < rest; s += 5) {
    encoder.onMesg(Profile.MesgNum.RECORD, { timestamp: at(t + s), heartRate: 95 });
  }
  t += rest;
}

encoder.onMesg(Profile.MesgNum.EVENT, { timestamp: at(t), event: "timer", eventType: "stopAll" });
encoder.onMesg(Profile.MesgNum.LAP, {
  timestamp: at(t), startTime: start, totalElapsedTime: t, totalTimerTime: t, sport: "training", subSport: "strengthTraining",
  messageIndex: 0,
});
encoder.onMesg(Profile.MesgNum.SESSION, {
  timestamp: at(t), startTime: start, totalElapsedTime: t, totalTimerTime: t, sport: "training", subSport: "strengthTraining",
  firstLapIndex: 0, numLaps: 1, messageIndex: 0,
});
encoder.onMesg(Profile.MesgNum.ACTIVITY, {
  timestamp: at(t), totalTimerTime: t, numSessions: 1, type: "manual", event: "activity", eventType: "stop",
});
writeFileSync(out, encoder.close());
console.log(out);

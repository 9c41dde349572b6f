// Runs a TF.js graph model, the original of a converted .onnx, on a fixed synthetic picture and
// prints its outputs as JSON (the first 1,024 values of each, and sums over all), so the conversion can be checked against what the original answers.
//
//   npm install @tensorflow/tfjs@4.22.0
//   node tools/vision/run_tfjs.js MODEL.json faceres|nanodet > reference.json
//
// The picture is the same formula ConvertedModelsTest computes in Java:
// value(x, y, c) = ((x * 31 + y * 17 + c * 101) % 256), divided by 255 for NanoDet.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

async function main() {
  const [modelPath, kind] = process.argv.slice(2);
  const spec = JSON.parse(fs.readFileSync(modelPath));
  const dir = path.dirname(modelPath);
  const weights = Buffer.concat(spec.weightsManifest.flatMap((g) => g.paths.map((p) => fs.readFileSync(path.join(dir, p)))));
  const model = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: spec.modelTopology,
    weightSpecs: spec.weightsManifest.flatMap((g) => g.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  }));
  let input;
  if (kind === 'faceres') {
    const data = new Float32Array(224 * 224 * 3);
    for (let y = 0; y < 224; y++) for (let x = 0; x < 224; x++) for (let c = 0; c < 3; c++) {
      data[(y * 224 + x) * 3 + c] = (x * 31 + y * 17 + c * 101) % 256;
    }
    input = tf.tensor(data, [1, 224, 224, 3]);
  } else {
    const data = new Float32Array(3 * 416 * 416);
    for (let c = 0; c < 3; c++) for (let y = 0; y < 416; y++) for (let x = 0; x < 416; x++) {
      data[(c * 416 + y) * 416 + x] = ((x * 31 + y * 17 + c * 101) % 256) / 255;
    }
    input = tf.tensor(data, [1, 3, 416, 416]);
  }
  const names = Object.keys(spec.signature.outputs);
  const outputs = model.execute(input, names);
  const result = {};
  names.forEach((name, i) => {
    const values = Array.from((Array.isArray(outputs) ? outputs[i] : outputs).dataSync());
    // the first values exactly, and sums over all, keep the reference small enough to commit
    result[name.replace(/:0$/, '')] = {
      count: values.length,
      head: values.slice(0, 1024),
      sum: values.reduce((a, b) => a + b, 0),
      absSum: values.reduce((a, b) => a + Math.abs(b), 0),
    };
  });
  process.stdout.write(JSON.stringify(result));
}

main();

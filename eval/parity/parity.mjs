// Greedy-decoding parity of a Marian ONNX model directory with Transformers.js, an independent
// implementation (it loads onnx/encoder_model.onnx and onnx/decoder_model_merged.onnx, or their
// *_quantized.onnx forms for dtype q8).
//
//   node parity.mjs [MODEL_DIR]
//
// Default: the fixture model src/test/resources/models/tiny-marian. For every case of
// reference/greedy.json (written by models/tools/make_fixture.py from the PyTorch model) it checks
// that Transformers.js's tokenizer gives the reference input ids and that its greedy generate()
// gives the reference output ids; then the same for dtype q8 when the directory has the quantized
// files, against the int8 ids that onnxruntime-node gives on this machine (the file named by
// $INT8_REFERENCE, written by decoders.mjs; without it the q8 run is skipped and says so): int8
// kernels round differently per instruction set, so ids recorded on another CPU are no reference.
// Prints one line per mismatch and "N passed, N failed"; exits 1 on any failure. Transformers.js
// 4.3.1 decodes greedily even when num_beams > 1, so beam search is not compared here
// (decoders.mjs does that).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, AutoTokenizer, AutoModelForSeq2SeqLM } from '@huggingface/transformers';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const modelDir = path.resolve(process.argv[2] ?? path.join(root, 'src/test/resources/models/tiny-marian'));

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = path.dirname(modelDir) + path.sep;
const modelName = path.basename(modelDir);

const runs = [{ dtype: 'fp32', reference: path.join(modelDir, 'reference', 'greedy.json') }];
if (existsSync(path.join(modelDir, 'onnx', 'decoder_model_merged_quantized.onnx'))) {
  if (process.env.INT8_REFERENCE) {
    runs.push({ dtype: 'q8', reference: process.env.INT8_REFERENCE });
  } else {
    console.log('q8 skipped: no INT8_REFERENCE (int8 ids from onnxruntime-node here; eval/parity/run makes them)');
  }
}
const tokenizer = await AutoTokenizer.from_pretrained(modelName);

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const ids = (tensor) => Array.from(tensor.data, Number);

let passed = 0;
let failed = 0;
for (const run of runs) {
  const reference = JSON.parse(readFileSync(run.reference, 'utf8'));
  const model = await AutoModelForSeq2SeqLM.from_pretrained(modelName, { dtype: run.dtype, device: 'cpu' });
  for (const [i, c] of reference.cases.entries()) {
    const label = `${run.dtype} case ${i}`;
    const encoded = tokenizer(c.source);
    const inputIds = ids(encoded.input_ids);
    if (!same(inputIds, c.input_ids)) {
      failed++;
      console.log(`${label} input ids differ: ${JSON.stringify(c.source)}\n  expected ${JSON.stringify(c.input_ids)}\n  got      ${JSON.stringify(inputIds)}`);
      continue;
    }
    const output = await model.generate({
      input_ids: encoded.input_ids,
      attention_mask: encoded.attention_mask,
      num_beams: 1,
      do_sample: false,
    });
    const generated = ids(output).slice(1); // drop the decoder start token
    if (same(generated, c.output_ids)) {
      passed++;
    } else {
      failed++;
      console.log(`${label} output ids differ: ${JSON.stringify(c.source)}\n  expected ${JSON.stringify(c.output_ids)}\n  got      ${JSON.stringify(generated)}`);
    }
  }
  await model.dispose();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

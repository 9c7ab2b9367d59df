// The peer of eval/bench/run: greedy translation with Transformers.js 4.3.1 in Node, on
// the same model files, sentences, thread count and batches as Dragoman's SpeedBench.
//
//   node transformersjs.mjs MODEL_DIR SENTENCES_FILE IDS_OUT THREADS fp32|q8 MAX_BATCH_TOKENS [WORKERS [WARMUP]]
//
// Batches are the ones Dragoman's BatchPlanner forms for WORKERS batch workers (inputs sorted longest
// first, grouped while rows * longest <= WORKERS * MAX_BATCH_TOKENS, each group dealt out to WORKERS
// batches like cards), so both engines pad alike and run the same tensor shapes (padding changes
// the last bits of the logits, and a random model's nearly tied logits then pick other tokens).
// Transformers.js runs the batches one after another. Output length is bounded by the model's generation config (max_length) alone in
// both. ONNX Runtime gets the same session settings as Dragoman's (THREADS intra-op threads, workers
// not spinning while idle). Prints one JSON line; writes the generated ids (without the decoder
// start token and EOS), one sentence a line, to IDS_OUT.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
// eval/bench/package.json pins onnxruntime-node to the ONNX Runtime version of Dragoman's Java side.
import { env, AutoTokenizer, AutoModelForSeq2SeqLM } from '@huggingface/transformers';

const [modelArg, sentencesFile, idsOut, threadsArg, dtype, budgetArg, workersArg, warmupArg] =
  process.argv.slice(2);
const modelDir = path.resolve(modelArg);
const threads = Number(threadsArg);
const budget = Number(budgetArg);
const workers = Number(workersArg ?? 1);
const warmup = Number(warmupArg ?? 16);

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = path.dirname(modelDir) + path.sep;
const name = path.basename(modelDir);

const sentences = readFileSync(sentencesFile, 'utf8').split('\n');
if (sentences.at(-1) === '') sentences.pop();

const tokenizer = await AutoTokenizer.from_pretrained(name);
const session_options = {
  intraOpNumThreads: threads > 0 ? threads : undefined,
  interOpNumThreads: 1,
  extra: { session: { intra_op: { allow_spinning: '0' } } },
};
const model = await AutoModelForSeq2SeqLM.from_pretrained(name, { dtype, device: 'cpu', session_options });

// Time inside InferenceSession.run, as Dragoman's SpeedBench times its session calls. Transformers.js
// gets its sessions from onnxruntime-node (CommonJS), so that module's class is the one to wrap. The
// binding copies every input and output between JavaScript and ONNX Runtime inside run(), so this
// includes those copies (Dragoman keeps the KV cache in ONNX Runtime and copies nothing there).
const { InferenceSession } = createRequire(import.meta.url)('onnxruntime-node');
let sessionNanos = 0n;
const run = InferenceSession.prototype.run;
InferenceSession.prototype.run = async function (...args) {
  const start = process.hrtime.bigint();
  try {
    return await run.apply(this, args);
  } finally {
    sessionNanos += process.hrtime.bigint() - start;
  }
};
const eos = model.generation_config?.eos_token_id ?? model.config.eos_token_id;
const eosIds = new Set([eos].flat());

// dragoman.mt.BatchPlanner.plan with rowsPerInput 1.
function plan(lengths) {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[b] - lengths[a] || a - b);
  const groups = [];
  let current = [];
  let longest = 0;
  for (const i of order) {
    const len = Math.max(1, lengths[i]);
    let widest = Math.max(longest, len);
    if (current.length > 0 && (current.length + 1) * widest > budget * workers) {
      groups.push(current);
      current = [];
      widest = len;
    }
    current.push(i);
    longest = widest;
  }
  if (current.length > 0) groups.push(current);
  if (workers === 1) return groups;
  const batches = [];
  for (const group of groups) {
    const parts = Math.min(workers, group.length);
    for (let p = 0; p < parts; p++) batches.push(group.filter((_, j) => j % parts === p));
  }
  return batches;
}

async function translate(texts) {
  const lengths = texts.map((t) => tokenizer(t).input_ids.dims[1]);
  const result = new Array(texts.length);
  let tokens = 0;
  for (const batch of plan(lengths)) {
    const inputs = tokenizer(batch.map((i) => texts[i]), { padding: true });
    const output = await model.generate({ ...inputs, num_beams: 1, do_sample: false });
    const [rows, width] = output.dims;
    const data = Array.from(output.data, Number);
    for (let r = 0; r < rows; r++) {
      const ids = [];
      for (let c = 1; c < width; c++) {
        const id = data[r * width + c];
        tokens++;
        if (eosIds.has(id)) break;
        ids.push(id);
      }
      result[batch[r]] = ids;
    }
  }
  return { result, tokens };
}

await translate(sentences.slice(0, warmup));
sessionNanos = 0n;
const start = process.hrtime.bigint();
const { result, tokens } = await translate(sentences);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
writeFileSync(idsOut, result.map((ids) => ids.join(' ') + '\n').join(''));
console.log(JSON.stringify({
  engine: 'transformers.js', dtype: dtype === 'q8' ? 'int8' : dtype, beams: 1, threads, max_batch_tokens: budget,
  sentences: sentences.length, tokens, seconds, session_seconds: Number(sessionNanos) / 1e9,
}));
await model.dispose();

// Drives the fixture's ONNX files directly through onnxruntime-node, the way an engine with a KV
// cache does, and compares with the PyTorch references: greedy (reference/greedy.json) and beam 4
// (reference/beam4.json), each with the split decoders (decoder_model.onnx, then
// decoder_with_past_model.onnx) and with decoder_model_merged.onnx (use_cache_branch false, then
// true), and the other beam settings of reference/beam_variants.json with the split decoders.
// This checks the exported cache path and the merge, which Transformers.js alone cannot
// (it only loads the merged decoder and has no beam search). When the directory has the
// *_quantized.onnx files, also greedy with the int8 graphs, split and merged, one sentence at a
// time, against each other on this machine (see below).
//
//   node decoders.mjs [MODEL_DIR]
//
// The generation rules are those of models/tools/generation.py (Hugging Face generate for
// Marian); see models/tools/README.md. Prints "N passed, N failed"; exits 1 on any failure.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const modelDir = path.resolve(process.argv[2] ?? path.join(root, 'src/test/resources/models/tiny-marian'));
const config = JSON.parse(readFileSync(path.join(modelDir, 'config.json'), 'utf8'));
const greedyRef = JSON.parse(readFileSync(path.join(modelDir, 'reference', 'greedy.json'), 'utf8'));
const beamRef = JSON.parse(readFileSync(path.join(modelDir, 'reference', 'beam4.json'), 'utf8'));

const session = (name) => ort.InferenceSession.create(path.join(modelDir, 'onnx', name));
/** The four graphs, fp32 (suffix '') or int8 (suffix '_quantized'). */
async function loadGraphs(suffix) {
  return {
    encoder: await session(`encoder_model${suffix}.onnx`),
    decoder: await session(`decoder_model${suffix}.onnx`),
    decoderWithPast: await session(`decoder_with_past_model${suffix}.onnx`),
    merged: await session(`decoder_model_merged${suffix}.onnx`),
  };
}

const PAD = config.pad_token_id;
const EOS = config.eos_token_id;
const START = config.decoder_start_token_id;
const MAX_LENGTH = config.max_length;
const HEADS = config.decoder_attention_heads;
const HEAD_DIM = config.d_model / HEADS;
const LAYERS = config.decoder_layers;

const int64 = (values, dims) => new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), dims);

/** Rows `rows` of a tensor along axis 0, in that order (beam reordering). */
function takeRows(tensor, rows) {
  const rowSize = tensor.data.length / tensor.dims[0];
  const out = new Float32Array(rows.length * rowSize);
  rows.forEach((r, i) => out.set(tensor.data.subarray(r * rowSize, (r + 1) * rowSize), i * rowSize));
  return new ort.Tensor('float32', out, [rows.length, ...tensor.dims.slice(1)]);
}

/** A decoder that keeps its own cache; `variant` is 'split' or 'merged'. */
class CachedDecoder {
  constructor(graphs, variant, encoderHidden, encoderMask) {
    this.graphs = graphs;
    this.variant = variant;
    this.encoderHidden = encoderHidden;
    this.encoderMask = encoderMask;
    this.selfCache = null; // name -> tensor, past_key_values.{i}.decoder.*
    this.crossCache = null; // name -> tensor, past_key_values.{i}.encoder.*, from the first step
  }

  /** Runs one step for the last tokens of every row; returns logits as an array of Float32Array. */
  async step(lastTokens) {
    const batch = lastTokens.length;
    const feeds = { input_ids: int64(lastTokens, [batch, 1]), encoder_attention_mask: this.encoderMask };
    const first = this.selfCache === null;
    let out;
    if (this.variant === 'split') {
      if (first) {
        feeds.encoder_hidden_states = this.encoderHidden;
        out = await this.graphs.decoder.run(feeds);
      } else {
        Object.assign(feeds, this.selfCache, this.crossCache);
        out = await this.graphs.decoderWithPast.run(feeds);
      }
    } else {
      feeds.encoder_hidden_states = this.encoderHidden;
      feeds.use_cache_branch = new ort.Tensor('bool', Uint8Array.from([first ? 0 : 1]), [1]);
      if (first) {
        const empty = new ort.Tensor('float32', new Float32Array(0), [batch, HEADS, 0, HEAD_DIM]);
        for (let i = 0; i < LAYERS; i++) {
          for (const part of ['decoder', 'encoder']) {
            for (const kv of ['key', 'value']) feeds[`past_key_values.${i}.${part}.${kv}`] = empty;
          }
        }
      } else {
        Object.assign(feeds, this.selfCache, this.crossCache);
      }
      out = await this.graphs.merged.run(feeds);
    }
    this.selfCache = {};
    if (first) this.crossCache = {};
    for (let i = 0; i < LAYERS; i++) {
      for (const kv of ['key', 'value']) {
        this.selfCache[`past_key_values.${i}.decoder.${kv}`] = out[`present.${i}.decoder.${kv}`];
        // The with-past branch returns empty encoder present.*; keep the first step's.
        if (first) this.crossCache[`past_key_values.${i}.encoder.${kv}`] = out[`present.${i}.encoder.${kv}`];
      }
    }
    const vocab = out.logits.dims[2];
    const rows = [];
    for (let b = 0; b < batch; b++) rows.push(out.logits.data.subarray(b * vocab, (b + 1) * vocab));
    return rows;
  }

  reorder(rows) {
    for (const name of Object.keys(this.selfCache)) this.selfCache[name] = takeRows(this.selfCache[name], rows);
    // The cross cache rows are all the same sentence; they only need the batch size.
    for (const name of Object.keys(this.crossCache)) this.crossCache[name] = takeRows(this.crossCache[name], rows);
  }
}

async function encode(graphs, inputIds, copies) {
  const ids = [];
  for (let c = 0; c < copies; c++) ids.push(...inputIds);
  const mask = int64(ids.map(() => 1), [copies, inputIds.length]);
  const out = await graphs.encoder.run({ input_ids: int64(ids, [copies, inputIds.length]), attention_mask: mask });
  return { hidden: out.last_hidden_state, mask };
}

/** bad_words_ids [[pad]] and forced EOS at cur_len == max_length - 1, in place on a Float64Array. */
function processScores(scores, curLen) {
  scores[PAD] = -Infinity;
  if (curLen === MAX_LENGTH - 1) {
    scores.fill(-Infinity);
    scores[EOS] = 0;
  }
}

async function greedy(graphs, inputIds, variant) {
  const { hidden, mask } = await encode(graphs, inputIds, 1);
  const dec = new CachedDecoder(graphs, variant, hidden, mask);
  const seq = [START];
  for (;;) {
    const [logits] = await dec.step([seq[seq.length - 1]]);
    const scores = Float64Array.from(logits);
    processScores(scores, seq.length);
    let best = 0;
    for (let t = 1; t < scores.length; t++) if (scores[t] > scores[best]) best = t;
    seq.push(best);
    if (best === EOS || seq.length >= MAX_LENGTH) return seq.slice(1);
  }
}

function logSoftmax(logits) {
  const x = Float64Array.from(logits);
  x[PAD] = -Infinity; // MarianMTModel.adjust_logits_during_generation, before log_softmax
  let max = -Infinity;
  for (const v of x) if (v > max) max = v;
  let sum = 0;
  for (const v of x) sum += Math.exp(v - max);
  const lse = max + Math.log(sum);
  return x.map((v) => v - lse);
}

async function beamSearch(graphs, inputIds, variant, numBeams, lengthPenalty, earlyStopping) {
  const { hidden, mask } = await encode(graphs, inputIds, numBeams);
  const dec = new CachedDecoder(graphs, variant, hidden, mask);
  let seqs = Array.from({ length: numBeams }, () => [START]);
  let beamScores = Array.from({ length: numBeams }, (_, b) => (b === 0 ? 0 : -1e9));
  const finished = []; // [score, tokens]
  let worst = 1e9;
  const addHypothesis = (tokens, sum) => {
    const score = sum / tokens.length ** lengthPenalty;
    if (finished.length < numBeams || score > worst) {
      finished.push([score, tokens]);
      if (finished.length > numBeams) {
        const order = finished.map((h, i) => [h[0], i]).sort((a, b) => a[0] - b[0]);
        finished.splice(order[0][1], 1);
        worst = order[1][0];
      } else {
        worst = Math.min(score, worst);
      }
    }
  };
  let done = false;
  for (;;) {
    const curLen = seqs[0].length;
    const logits = await dec.step(seqs.map((s) => s[s.length - 1]));
    const candidates = [];
    logits.forEach((row, b) => {
      const scores = logSoftmax(row);
      processScores(scores, curLen);
      scores.forEach((s, t) => {
        if (s > -Infinity) candidates.push([s + beamScores[b], b, t]);
      });
    });
    candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
    const top = candidates.slice(0, 2 * numBeams);
    const next = [];
    top.forEach(([score, b, t], rank) => {
      if (next.length === numBeams) return;
      if (t === EOS) {
        if (rank < numBeams) addHypothesis(seqs[b], score);
      } else {
        next.push([score, b, t]);
      }
    });
    if (finished.length >= numBeams) {
      done = done || earlyStopping || worst >= top[0][0] / curLen ** lengthPenalty;
    }
    if (next.length < numBeams || done || curLen + 1 >= MAX_LENGTH) {
      if (!done && next.length === numBeams) {
        next.forEach(([score, b, t]) => addHypothesis([...seqs[b], t], score));
      }
      break;
    }
    seqs = next.map(([, b, t]) => [...seqs[b], t]);
    beamScores = next.map(([score]) => score);
    dec.reorder(next.map(([, b]) => b));
  }
  finished.sort((a, b) => b[0] - a[0]);
  return finished.map(([score, tokens]) => ({
    score,
    output_ids: tokens.length < MAX_LENGTH ? [...tokens.slice(1), EOS] : tokens.slice(1),
  }));
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameHypotheses = (got, expected) =>
  got.length === expected.length &&
  got.every((h, k) => same(h.output_ids, expected[k].output_ids) && Math.abs(h.score - expected[k].score) < 1e-4);
let passed = 0;
let failed = 0;
const check = (ok, label, expected, got) => {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log(`${label}\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(got)}`);
  }
};

const fp32 = await loadGraphs('');
for (const variant of ['split', 'merged']) {
  for (const [i, c] of greedyRef.cases.entries()) {
    const got = await greedy(fp32, c.input_ids, variant);
    check(same(got, c.output_ids), `greedy ${variant} case ${i}`, c.output_ids, got);
  }
  for (const [i, c] of beamRef.cases.entries()) {
    const hyps = await beamSearch(fp32, c.input_ids, variant, beamRef.num_beams, beamRef.length_penalty, beamRef.early_stopping);
    check(sameHypotheses(hyps, c.hypotheses), `beam ${variant} case ${i}`, c.hypotheses, hyps);
  }
}

// Other num_beams / length_penalty / early_stopping settings, with the split decoders.
const variantsPath = path.join(modelDir, 'reference', 'beam_variants.json');
if (existsSync(variantsPath)) {
  for (const v of JSON.parse(readFileSync(variantsPath, 'utf8')).variants) {
    for (const [i, c] of v.cases.entries()) {
      const hyps = await beamSearch(fp32, c.input_ids, 'split', v.num_beams, v.length_penalty, v.early_stopping);
      const label = `beam ${v.num_beams}/${v.length_penalty}/${v.early_stopping} case ${i}`;
      check(sameHypotheses(hyps, c.hypotheses), label, c.hypotheses, hyps);
    }
  }
}
// The int8 files: greedy, one sentence at a time (their activation scales depend on the batch).
// int8 kernels round differently per instruction set, so ids recorded on another CPU are no
// reference: the split decoders' output here is, the merged decoder (the same quantized weights)
// must give the same ids, and the ids are written to $INT8_IDS_OUT for parity.mjs (Transformers.js
// q8 against the same machine). Agreement with the recorded reference/greedy_quantized.json is only
// reported.
const quantizedRefPath = path.join(modelDir, 'reference', 'greedy_quantized.json');
if (existsSync(quantizedRefPath)) {
  const quantizedRef = JSON.parse(readFileSync(quantizedRefPath, 'utf8'));
  const int8 = await loadGraphs('_quantized');
  const here = [];
  let recordedAgree = 0;
  for (const [i, c] of quantizedRef.cases.entries()) {
    const split = await greedy(int8, c.input_ids, 'split');
    const merged = await greedy(int8, c.input_ids, 'merged');
    check(same(merged, split), `int8 greedy merged against split case ${i}`, split, merged);
    here.push({ source: c.source, input_ids: c.input_ids, output_ids: split });
    if (same(split, c.output_ids)) recordedAgree++;
  }
  console.log(
    `int8: ${recordedAgree} of ${quantizedRef.cases.length} cases also equal the ids recorded on the ` +
      'machine that made the fixture (information only: int8 rounding depends on the CPU)',
  );
  if (process.env.INT8_IDS_OUT) {
    writeFileSync(process.env.INT8_IDS_OUT, JSON.stringify({ cases: here }));
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

#!/usr/bin/python3
"""Generates the fixture model src/test/resources/models/tiny-marian/ and its reference outputs.

Run with Debian's python (see models/tools/README.md):
  /usr/bin/python3 models/tools/make_fixture.py
  /usr/bin/python3 models/tools/make_fixture.py --real-size --max-length 64 --out /tmp/random-opus-mt-size

The output is deterministic for a given torch/onnx/sentencepiece version: fixed seeds, one spm thread.
"""

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import sentencepiece as spm
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generation  # noqa: E402
import onnx_export  # noqa: E402
import quantize  # noqa: E402
import tokenizer_files  # noqa: E402
from toy_marian import Int8Emulation, ToyConfig, ToyMarian, randomize  # noqa: E402

ROOT = HERE.parent.parent
DEFAULT_OUT = ROOT / "src/test/resources/models/tiny-marian"
DEFAULT_DATA = ROOT / "eval/data/wmt21-spm-sample"

# Hand-written German inputs for the reference outputs: very short ones, ordinary sentences,
# digits, umlauts and ß, German quotation marks, runs of spaces, a ligature that the nmt_nfkc
# normalizer rewrites, characters outside the vocabulary (two in a row make one <unk>), and one
# long sentence.
REFERENCE_INPUTS = [
    "Ja.",
    "Hallo",
    "Guten Morgen!",
    "Das Wetter ist heute schön.",
    "Können Sie mir bitte sagen, wo der Bahnhof ist?",
    "Der Zug nach München fährt um 8:15 Uhr von Gleis 3 ab.",
    "Die Regierung hat am Freitag neue Maßnahmen gegen die Inflation angekündigt.",
    "Straße, Größe und Übermaß gehören zum Deutschen.",
    "„Wir schaffen das“, sagte sie.",
    "Im Jahr 2021 stiegen die Preise um 3,1 Prozent.",
    "Er  kam   leider zu spät.",
    "Die \ufb01nanzielle Lage der Stadt ist ernst.",
    "Das kostet 5 € und zwei ☃☃ mehr.",
    "Nachdem die Verhandlungen zwischen den Gewerkschaften und den Arbeitgebern über mehrere Wochen "
    "hinweg ergebnislos geblieben waren, kündigten die Beschäftigten der städtischen Verkehrsbetriebe "
    "für den kommenden Montag einen ganztägigen Warnstreik an, der nach Angaben der Veranstalter den "
    "gesamten Nahverkehr in der Region lahmlegen dürfte.",
]


# Other beam settings for beam_variants.json: (num_beams, length_penalty, early_stopping).
BEAM_VARIANTS = [
    (4, 0.5, False),
    (4, 0.0, False),
    (4, 1.0, True),
    (4, 2.0, True),
    (2, 1.0, False),
    (3, 1.0, False),
    (5, 1.0, False),
]
# A variant's case is kept only if no decision in it is closer than this (in log-probability):
# float differences between implementations are around 1e-6.
MIN_MARGIN = 1e-3


def train_spm(data_dir: Path, vocab_size: int, work: Path) -> Path:
    text = work / "train.txt"
    with open(text, "w", encoding="utf-8") as out:
        for name in ("sample.de", "sample.en"):
            out.write((data_dir / name).read_text(encoding="utf-8"))
    prefix = work / "spm"
    subprocess.run(
        [
            "spm_train",
            f"--input={text}",
            f"--model_prefix={prefix}",
            "--model_type=unigram",
            f"--vocab_size={vocab_size}",
            "--character_coverage=1.0",
            "--eos_id=0",
            "--unk_id=1",
            "--bos_id=-1",
            "--pad_id=-1",
            "--num_threads=1",
            "--minloglevel=2",
        ],
        check=True,
    )
    model = prefix.with_suffix(".model")
    # The trainer spec records the temporary paths; replace them so that the bytes are reproducible.
    proto = tokenizer_files.read_pieces(model)
    del proto.trainer_spec.input[:]
    proto.trainer_spec.input.append("eval/data/wmt21-spm-sample/sample.de+sample.en")
    proto.trainer_spec.model_prefix = "spm"
    model.write_bytes(proto.SerializeToString())
    return model


def model_config(cfg: ToyConfig, pad: int, eos: int, max_length: int, num_beams: int) -> dict:
    """config.json with the fields of Helsinki-NLP/opus-mt-de-en's, toy-sized."""
    return {
        "_name_or_path": "dragoman/tiny-marian (random weights, test fixture)",
        "activation_dropout": 0.0,
        "activation_function": "swish",
        "add_bias_logits": False,
        "add_final_layer_norm": False,
        "architectures": ["MarianMTModel"],
        "attention_dropout": 0.0,
        "bad_words_ids": [[pad]],
        "bos_token_id": eos,
        "classif_dropout": 0.0,
        "classifier_dropout": 0.0,
        "d_model": cfg.d_model,
        "decoder_attention_heads": cfg.heads,
        "decoder_ffn_dim": cfg.ffn_dim,
        "decoder_layerdrop": 0.0,
        "decoder_layers": cfg.decoder_layers,
        "decoder_start_token_id": pad,
        "decoder_vocab_size": cfg.vocab_size,
        "dropout": 0.0,
        "encoder_attention_heads": cfg.heads,
        "encoder_ffn_dim": cfg.ffn_dim,
        "encoder_layerdrop": 0.0,
        "encoder_layers": cfg.encoder_layers,
        "eos_token_id": eos,
        "forced_eos_token_id": eos,
        "init_std": 0.02,
        "is_encoder_decoder": True,
        "max_length": max_length,
        "max_position_embeddings": cfg.max_position_embeddings,
        "model_type": "marian",
        "normalize_before": False,
        "normalize_embedding": False,
        "num_beams": num_beams,
        "num_hidden_layers": cfg.encoder_layers,
        "pad_token_id": pad,
        "scale_embedding": True,
        "share_encoder_decoder_embeddings": True,
        "static_position_embeddings": True,
        "transformers_version": "4.34.0",
        "use_cache": True,
        "vocab_size": cfg.vocab_size,
    }


def generation_config(pad: int, eos: int, max_length: int, num_beams: int) -> dict:
    return {
        "bad_words_ids": [[pad]],
        "bos_token_id": eos,
        "decoder_start_token_id": pad,
        "eos_token_id": eos,
        "forced_eos_token_id": eos,
        "max_length": max_length,
        "num_beams": num_beams,
        "pad_token_id": pad,
        "transformers_version": "4.34.0",
    }


def write_references(model, sp, settings, ref_dir: Path, logit_cases: int = 2, logit_steps: int = 3):
    eos = settings.eos_token_id
    common = {
        "model": "src/test/resources/models/tiny-marian",
        "generated_by": "models/tools/make_fixture.py (PyTorch, no KV cache; see models/tools/generation.py)",
        "input_ids": "SentencePiece encoding of the source plus </s> (0), as tokenizer.json gives it",
        "output_ids": "generated tokens after the decoder start token (pad), ending with </s> (0)",
        "decoder_start_token_id": settings.decoder_start_token_id,
        "eos_token_id": eos,
        "pad_token_id": settings.pad_token_id,
        "bad_words_ids": settings.bad_words_ids,
        "forced_eos_token_id": settings.forced_eos_token_id,
        "max_length": settings.max_length,
    }
    greedy_cases, beam_cases, logit_dump = [], [], []
    for i, text in enumerate(REFERENCE_INPUTS):
        input_ids = sp.encode(text) + [eos]
        g = generation.greedy(model, input_ids, settings)
        out = g.sequence[1:]
        greedy_cases.append(
            {
                "source": text,
                "input_ids": input_ids,
                "output_ids": out,
                "output_text": sp.decode([t for t in out if t != eos]),
                "min_margin": round(g.min_margin, 6),
            }
        )
        if i < logit_cases:
            steps = []
            for step, raw in enumerate(g.step_logits[:logit_steps]):
                top = torch.topk(raw, 5)
                steps.append(
                    {
                        "step": step,
                        "prefix": g.sequence[: step + 1],
                        "top5_ids": top.indices.tolist(),
                        "top5_logits": [round(v, 6) for v in top.values.tolist()],
                        "eos_logit": round(raw[eos].item(), 6),
                        "pad_logit": round(raw[settings.pad_token_id].item(), 6),
                    }
                )
            logit_dump.append({"source": text, "input_ids": input_ids, "steps": steps})
        b = generation.beam_search(model, input_ids, settings)
        hyps = [{"output_ids": seq[1:], "score": round(score, 6)} for score, seq in b.hypotheses]
        beam_cases.append(
            {
                "source": text,
                "input_ids": input_ids,
                "output_ids": hyps[0]["output_ids"],
                "output_text": sp.decode([t for t in hyps[0]["output_ids"] if t != eos]),
                "hypotheses": hyps,
                "min_margin": round(b.min_margin, 6),
            }
        )
    tokenizer_files.write_json(
        ref_dir / "greedy.json",
        dict(common, num_beams=1, semantics="transformers generate(num_beams=1, do_sample=False)", cases=greedy_cases),
    )
    tokenizer_files.write_json(
        ref_dir / "beam4.json",
        dict(
            common,
            num_beams=settings.num_beams,
            length_penalty=settings.length_penalty,
            early_stopping=settings.early_stopping,
            semantics=(
                "transformers generate(num_beams=4, length_penalty=1.0, early_stopping=False) with "
                "BeamSearchScorer; output_ids is the num_return_sequences=1 result; hypotheses lists all "
                "num_beams finished hypotheses best first (num_return_sequences=4), score = sum of "
                "log-probabilities / len(decoder start + generated tokens before </s>) ** length_penalty; "
                "log-probabilities are log_softmax over the vocabulary with pad's logit set to -inf first"
            ),
            cases=beam_cases,
        ),
    )
    variants = []
    for num_beams, length_penalty, early_stopping in BEAM_VARIANTS:
        vs = dataclasses.replace(
            settings, num_beams=num_beams, length_penalty=length_penalty, early_stopping=early_stopping
        )
        cases, dropped = [], 0
        for c in greedy_cases:
            b = generation.beam_search(model, c["input_ids"], vs)
            if b.min_margin < MIN_MARGIN:
                dropped += 1
                continue
            hyps = [{"output_ids": seq[1:], "score": round(score, 6)} for score, seq in b.hypotheses]
            cases.append(
                {
                    "source": c["source"],
                    "input_ids": c["input_ids"],
                    "output_ids": hyps[0]["output_ids"],
                    "hypotheses": hyps,
                    "min_margin": round(b.min_margin, 6),
                }
            )
        variants.append(
            {
                "num_beams": num_beams,
                "length_penalty": length_penalty,
                "early_stopping": early_stopping,
                "cases_left_out_as_near_ties": dropped,
                "cases": cases,
            }
        )
        print(f"beam variant {num_beams}/{length_penalty}/{early_stopping}: {len(cases)} cases, {dropped} near ties left out")
    tokenizer_files.write_json(
        ref_dir / "beam_variants.json",
        dict(
            common,
            semantics=(
                "as beam4.json, with other num_beams, length_penalty and early_stopping (True: done as "
                f"soon as num_beams hypotheses are finished); cases with a decision closer than {MIN_MARGIN} "
                "are left out"
            ),
            variants=variants,
        ),
    )

    quantized_cases = []
    Int8Emulation.enabled = True
    try:
        for c in greedy_cases:
            q = generation.greedy_cached(model, c["input_ids"], settings)
            out = q.sequence[1:]
            quantized_cases.append(
                {
                    "source": c["source"],
                    "input_ids": c["input_ids"],
                    "output_ids": out,
                    "output_text": sp.decode([t for t in out if t != eos]),
                    "min_margin": round(q.min_margin, 6),
                }
            )
    finally:
        Int8Emulation.enabled = False
    tokenizer_files.write_json(
        ref_dir / "greedy_quantized.json",
        dict(
            common,
            num_beams=1,
            semantics=(
                "greedy, as greedy.json, for onnx/*_quantized.onnx: PyTorch emulating their int8 graph "
                "(models/tools/quantize.py, toy_marian.int8_matmul) and decoding with a KV cache, one "
                "sentence at a time. Activations are quantized per tensor at run time, so results "
                "depend on what each call sees: they hold for batch size 1 with the cache, not for "
                "batches of several sentences, beams, or decoding without the cache"
            ),
            cases=quantized_cases,
        ),
    )
    tokenizer_files.write_json(
        ref_dir / "logits.json",
        dict(
            common,
            description="debugging aid: raw decoder logits (before any processor) of the first greedy steps",
            cases=logit_dump,
        ),
    )
    return greedy_cases, beam_cases


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model directory to write")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with sample.de and sample.en")
    parser.add_argument("--seed", type=int, default=39, help="weights seed (chosen among 1-70 for varied outputs and wide decision margins)")
    parser.add_argument("--spm-vocab", type=int, default=1000, help="SentencePiece pieces (pad comes on top)")
    parser.add_argument("--eos-bias", type=float, default=16.0, help="final_logits_bias of </s>")
    parser.add_argument("--ffn-gain", type=float, default=20.0, help="factor on the decoder fc2 weights")
    parser.add_argument(
        "--max-length", type=int, default=None, help="generation max_length in config.json (default 24, or 512 with --real-size)"
    )
    parser.add_argument(
        "--real-size",
        action="store_true",
        help="random weights with opus-mt-de-en's dimensions (d_model 512, 6+6 layers, 8 heads, ffn 2048, "
        "vocab 58,101, max_length 512) and no reference outputs: for speed benchmarks, never committed",
    )
    args = parser.parse_args(argv)

    torch.manual_seed(args.seed)
    out = args.out
    (out / "onnx").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        spm_model = train_spm(args.data, args.spm_vocab, Path(work))
        if args.real_size:
            vocab_size = tokenizer_files.write_tokenizer_files(spm_model, out, 512, pad_to=58101, compact=True)
            cfg = ToyConfig(vocab_size, 512, 6, 6, 8, 2048, 512)
            max_length = args.max_length or 512
        else:
            vocab_size = tokenizer_files.write_tokenizer_files(spm_model, out, 256)
            cfg = ToyConfig(vocab_size, max_position_embeddings=256)
            max_length = args.max_length or 24
        sp = spm.SentencePieceProcessor(model_file=str(spm_model))

    pad, eos, num_beams = vocab_size - 1, 0, 4
    model = ToyMarian(cfg)
    randomize(model, args.seed, eos, args.eos_bias, args.ffn_gain)
    tokenizer_files.write_json(out / "config.json", model_config(cfg, pad, eos, max_length, num_beams))
    tokenizer_files.write_json(out / "generation_config.json", generation_config(pad, eos, max_length, num_beams))

    onnx_dir = out / "onnx"
    onnx_export.export_all(model, onnx_dir)
    onnx_export.merge_decoders(
        onnx_dir / "decoder_model.onnx",
        onnx_dir / "decoder_with_past_model.onnx",
        onnx_dir / "decoder_model_merged.onnx",
    )
    for name in ("encoder_model", "decoder_model", "decoder_with_past_model"):
        quantize.quantize_file(onnx_dir / f"{name}.onnx", onnx_dir / f"{name}_quantized.onnx")
    onnx_export.merge_decoders(
        onnx_dir / "decoder_model_quantized.onnx",
        onnx_dir / "decoder_with_past_model_quantized.onnx",
        onnx_dir / "decoder_model_merged_quantized.onnx",
    )
    if args.real_size:
        print(f"wrote {out} (random weights, real size)")
        return 0

    settings = generation.GenerationSettings(
        decoder_start_token_id=pad,
        eos_token_id=eos,
        pad_token_id=pad,
        bad_words_ids=[[pad]],
        max_length=max_length,
        forced_eos_token_id=eos,
        num_beams=num_beams,
    )
    ref_dir = out / "reference"
    ref_dir.mkdir(exist_ok=True)
    greedy_cases, beam_cases = write_references(model, sp, settings, ref_dir)
    differ = sum(g["output_ids"] != b["output_ids"] for g, b in zip(greedy_cases, beam_cases))
    quantized = json.loads((ref_dir / "greedy_quantized.json").read_text(encoding="utf-8"))["cases"]
    q_differ = sum(g["output_ids"] != q["output_ids"] for g, q in zip(greedy_cases, quantized))
    print(f"int8 greedy differs from fp32 greedy on {q_differ}")
    for g, b in zip(greedy_cases, beam_cases):
        print(
            f"{len(g['input_ids']):3d} in  greedy {len(g['output_ids']):2d} (margin {g['min_margin']:.4f})"
            f"  beam {len(b['output_ids']):2d} (margin {b['min_margin']:.4f})  {g['source'][:40]}"
        )
    print(f"{len(greedy_cases)} inputs; beam 4 differs from greedy on {differ}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Tokenizer files of a Marian model directory, from one SentencePiece unigram model.

Writes what an Optimum/Transformers.js export of opus-mt has: source.spm and target.spm (here the
same joint model), vocab.json (piece -> id, <pad> last), tokenizer.json and tokenizer_config.json.

tokenizer.json has the shape checked to be accepted by both DJL's HuggingFaceTokenizer and
Transformers.js: added_tokens </s>, <unk>, <pad>; normalizer Precompiled (the .model's own
nmt_nfkc charsmap); pre-tokenizer Sequence(WhitespaceSplit, Metaspace prepend_scheme "always");
post-processor TemplateProcessing [A, </s>]; decoder Metaspace; model Unigram with [piece, score]
in id order. With spm_train --eos_id=0 --unk_id=1 --bos_id=-1 --pad_id=-1 the SentencePiece ids
are the model's ids, and <pad> is appended after the last piece, as in opus-mt.
"""

import base64
import json
import re
import shutil

from sentencepiece import sentencepiece_model_pb2

EOS, UNK, PAD = "</s>", "<unk>", "<pad>"
METASPACE = "\u2581"


def read_pieces(spm_path):
    proto = sentencepiece_model_pb2.ModelProto()
    with open(spm_path, "rb") as f:
        proto.ParseFromString(f.read())
    return proto


def vocabulary(proto, pad_to: int = 0):
    """[(piece, score)] in id order with <pad> last. pad_to > 0 inserts never-chosen filler pieces
    before <pad> so that the vocabulary has exactly pad_to entries (for a model of real size)."""
    pieces = [(p.piece, float(p.score)) for p in proto.pieces]
    if pieces[0][0] != EOS or pieces[1][0] != UNK:
        raise ValueError("expected </s> = 0 and <unk> = 1 (spm_train --eos_id=0 --unk_id=1)")
    if pad_to:
        lowest = min(s for _, s in pieces[2:])
        n = pad_to - 1 - len(pieces)
        pieces += [(f"{METASPACE}filler{k:05d}", lowest - 100.0) for k in range(n)]
    pieces.append((PAD, 0.0))
    return pieces


def tokenizer_json(proto, pieces):
    pad_id = len(pieces) - 1
    charsmap = base64.b64encode(proto.normalizer_spec.precompiled_charsmap).decode("ascii")

    def added(i, content):
        return {
            "id": i,
            "content": content,
            "single_word": False,
            "lstrip": False,
            "rstrip": False,
            "normalized": False,
            "special": True,
        }

    metaspace = {"type": "Metaspace", "replacement": METASPACE, "prepend_scheme": "always", "split": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [added(0, EOS), added(1, UNK), added(pad_id, PAD)],
        "normalizer": {"type": "Precompiled", "precompiled_charsmap": charsmap},
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [{"type": "WhitespaceSplit"}, metaspace]},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": EOS, "type_id": 0}}],
            "pair": [
                {"Sequence": {"id": "A", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 0}},
                {"SpecialToken": {"id": EOS, "type_id": 0}},
            ],
            "special_tokens": {EOS: {"id": EOS, "ids": [0], "tokens": [EOS]}},
        },
        "decoder": metaspace,
        "model": {"type": "Unigram", "unk_id": 1, "vocab": [[p, s] for p, s in pieces], "byte_fallback": False},
    }


def tokenizer_config(model_max_length: int):
    return {
        "tokenizer_class": "MarianTokenizer",
        "source_lang": "de",
        "target_lang": "en",
        "separate_vocabs": False,
        "eos_token": EOS,
        "unk_token": UNK,
        "pad_token": PAD,
        "model_max_length": model_max_length,
        "clean_up_tokenization_spaces": False,
        "sp_model_kwargs": {},
    }


_NUMBER_LIST = re.compile(r"\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]")


def write_json(path, value):
    """Indented JSON with lists of numbers (token ids) kept on one line."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    text = _NUMBER_LIST.sub(lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]", text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")


def write_tokenizer_files(spm_path, out_dir, model_max_length: int, pad_to: int = 0, compact: bool = False):
    """Returns the vocabulary size (pad included)."""
    proto = read_pieces(spm_path)
    pieces = vocabulary(proto, pad_to)
    shutil.copyfile(spm_path, out_dir / "source.spm")
    shutil.copyfile(spm_path, out_dir / "target.spm")
    write_json(out_dir / "vocab.json", {p: i for i, (p, _) in enumerate(pieces)})
    tok = tokenizer_json(proto, pieces)
    if compact:
        with open(out_dir / "tokenizer.json", "w", encoding="utf-8") as f:
            json.dump(tok, f, ensure_ascii=False)
    else:
        write_json(out_dir / "tokenizer.json", tok)
    write_json(out_dir / "tokenizer_config.json", tokenizer_config(model_max_length))
    write_json(
        out_dir / "special_tokens_map.json",
        {"eos_token": EOS, "unk_token": UNK, "pad_token": PAD},
    )
    return len(pieces)

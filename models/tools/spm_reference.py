"""Reference token ids for the tokenizer parity test, from SentencePiece itself.

For every German sentence of the built-in sample (src/main/resources/dragoman/mt/marian/
tokenizer-sample.de.json: everyday sentences and hard cases), the seed articles (corpus/*.txt, one
paragraph a line) and the newstest2021 German sources (eval/data/wmt21/newstest2021.de-en.src.de),
encodes the text as transformers' MarianTokenizer does with the fixture's files
(src/test/resources/models/tiny-marian/): a leading ">>xx<<" language code kept whole, the rest split
by source.spm (encode(text, out_type=str)), each piece mapped through vocab.json (<unk> when
missing), </s> appended. It also decodes those ids as MarianTokenizer.decode(ids,
skip_special_tokens=True) does: special tokens dropped, target.spm's decode_pieces, "▁" to space,
stripped. Writes src/test/resources/models/tiny-marian/reference/sentencepiece.json.

Run with Debian's python3-sentencepiece (the library the fixture was made with):
    apt-get install -y python3-sentencepiece
    /usr/bin/python3 models/tools/spm_reference.py
"""

import json
import pathlib

import sentencepiece

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "src/test/resources/models/tiny-marian"
SAMPLE = ROOT / "src/main/resources/dragoman/mt/marian/tokenizer-sample.de.json"
NEWSTEST = ROOT / "eval/data/wmt21/newstest2021.de-en.src.de"
OUT = FIXTURE / "reference/sentencepiece.json"
SPECIAL = ("</s>", "<unk>", "<pad>")


def lines(path):
    # Split on "\n" only: str.splitlines() would also split on characters Java keeps in a line.
    text = path.read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip()]


def sentences():
    out = [("sample", s) for s in json.loads(SAMPLE.read_text(encoding="utf-8"))["sentences"]]
    for f in sorted((ROOT / "corpus").glob("*.txt")):
        out += [("seed", s) for s in lines(f)]
    out += [("newstest2021", s) for s in lines(NEWSTEST)]
    return out


def load(name):
    sp = sentencepiece.SentencePieceProcessor()
    sp.Load(str(FIXTURE / name))
    return sp


def main():
    source, target = load("source.spm"), load("target.spm")
    vocab = json.loads((FIXTURE / "vocab.json").read_text(encoding="utf-8"))
    by_id = {i: p for p, i in vocab.items()}
    special_ids = {vocab[s] for s in SPECIAL if s in vocab}

    def encode(text):
        code = []
        if text.startswith(">>") and (end := text.find("<<")) != -1:
            code, text = [text[: end + 2]], text[end + 2 :]
        pieces = code + source.encode(text, out_type=str)
        return pieces, [vocab.get(p, vocab["<unk>"]) for p in pieces] + [vocab["</s>"]]

    def decode(ids):
        pieces = [by_id[i] for i in ids if i in by_id and i not in special_ids]
        return target.decode_pieces(pieces).replace("\u2581", " ").strip()

    cases = []
    for origin, text in sentences():
        pieces, ids = encode(text)
        cases.append({"from": origin, "text": text, "pieces": pieces, "ids": ids, "decoded": decode(ids)})
    # One case a line, so a regeneration diffs sentence by sentence.
    head = {"generator": "models/tools/spm_reference.py", "sentencepiece": sentencepiece.__version__}
    body = ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases)
    OUT.write_text(json.dumps(head, ensure_ascii=False)[:-1] + ', "cases": [\n' + body + "\n]}\n", encoding="utf-8")
    unk = sum(1 for c in cases if vocab["<unk>"] in c["ids"])
    print(f"{OUT.relative_to(ROOT)}: {len(cases)} sentences ({unk} with <unk>), sentencepiece {sentencepiece.__version__}")


if __name__ == "__main__":
    main()

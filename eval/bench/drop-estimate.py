"""How much decoder work dropping finished rows saves on real outputs, estimated without
a real model: the random benchmark model never stops early, so eval/bench/run cannot show it.

Source lengths: the German sentences of newstest2021 under the model's source tokenizer; output
lengths: the English reference A under its target tokenizer (a stand-in for what opus-mt writes,
which is about as long). Batches are planned as dragoman.mt.BatchPlanner plans them (longest
source first, rows * longest * beams <= budget). Counted per batch, decoder rows computed summed
over steps: keeping every row to the batch's longest output (before), dropping finished rows once
they are an eighth of the cache as dragoman.mt.marian.CachedDecoder does (after), and the floor
(every row stops at its own end). Beam search is modelled as four rows per sentence that all stop
at the sentence's output length, and step 0 on one row per sentence.

usage: python3 drop-estimate.py MODEL_DIR SOURCE.de REFERENCE.en [COUNT]
"""

import sys

import sentencepiece as spm


def plan(lengths, budget, beams):
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches, current, longest = [], [], 0
    for i in order:
        n = max(1, lengths[i])
        widest = max(longest, n)
        if current and (len(current) + 1) * widest * beams > budget:
            batches.append(current)
            current, widest = [], n
        current.append(i)
        longest = widest
    if current:
        batches.append(current)
    return batches


def rows_computed(ends, beams, now):
    """ends: steps each sentence runs (output tokens + EOS). Rows fed summed over steps; now: with
    the shared step 0 and dropped rows, else every row at every step."""
    steps = max(ends)
    fed = [b for b in range(len(ends)) for _ in range(beams)]
    total = len(ends) if now else len(fed)
    for step in range(1, steps):
        active = [r for r in fed if ends[r] > step]
        idle = len(fed) - len(active)
        if now and idle > 0 and idle >= max(1, len(fed) // 8):
            fed = active
        total += len(fed)
    return total


def main():
    model, source, reference = sys.argv[1:4]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else None
    src = spm.SentencePieceProcessor(model_file=f"{model}/source.spm")
    tgt = spm.SentencePieceProcessor(model_file=f"{model}/target.spm")
    de = open(source, encoding="utf-8").read().splitlines()[:count]
    en = open(reference, encoding="utf-8").read().splitlines()[:count]
    src_len = [len(src.encode(s)) + 1 for s in de]
    out_len = [len(tgt.encode(s)) + 1 for s in en]
    print(f"{len(de)} sentences; output tokens (EOS included): mean {sum(out_len) / len(out_len):.1f}")
    for beams, budget in ((1, 2048), (4, 4096)):
        before = after = floor = 0
        for batch in plan(src_len, budget, beams):
            ends = [out_len[i] for i in batch]
            before += rows_computed(ends, beams, False)
            after += rows_computed(ends, beams, True)
            floor += sum(ends) * beams
        print(
            f"{'greedy' if beams == 1 else f'beam {beams}'}, budget {budget}: decoder rows computed "
            f"{before} before, {after} now ({100 * (1 - after / before):.1f}% fewer), "
            f"floor {floor}"
        )


if __name__ == "__main__":
    main()

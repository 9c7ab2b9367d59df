"""Hugging Face `generate` for a Marian model, greedy and beam search, written against the toy model.

This is the reference the Java engine's parity tests compare with, so it follows transformers' code
step by step rather than being clever. Sources (huggingface/transformers, v4.3x, the versions with
`BeamSearchScorer`):
  - generation/utils.py `_greedy_search` / `_beam_search`: the decoding loops;
  - generation/beam_search.py `BeamSearchScorer.process` / `.finalize` and `BeamHypotheses`;
  - generation/logits_process.py `NoBadWordsLogitsProcessor`, `ForcedEOSTokenLogitsProcessor`;
  - generation/stopping_criteria.py `MaxLengthCriteria`;
  - models/marian/modeling_marian.py `MarianMTModel.adjust_logits_during_generation`, which
    `_beam_search` calls on the raw logits before log_softmax ("hack: adjust tokens for Marian").

Lengths follow transformers: a sequence starts with the decoder start token (= pad for Marian) and
`max_length` counts that token, so at most max_length - 1 tokens are generated and the last of them
is forced to be EOS.

No KV cache here: every step runs the decoder over the whole prefix. That keeps this path
independent of the cached path that the ONNX files implement.
"""

import math
from dataclasses import dataclass, field
from typing import List, Optional

import torch
from torch.nn import functional as F

NEG_INF = float("-inf")


@dataclass(frozen=True)
class GenerationSettings:
    decoder_start_token_id: int
    eos_token_id: int
    pad_token_id: int
    bad_words_ids: List[List[int]]
    max_length: int
    forced_eos_token_id: Optional[int]
    num_beams: int = 4
    length_penalty: float = 1.0
    early_stopping: bool = False


def process_logits(settings: GenerationSettings, cur_len: int, scores: torch.Tensor) -> torch.Tensor:
    """The logits processors transformers builds for Marian's generation config, in its order:
    NoBadWordsLogitsProcessor (single-token bad words: score -inf), then
    ForcedEOSTokenLogitsProcessor (when cur_len == max_length - 1 every score but EOS's is -inf and
    EOS's is 0). cur_len is the length of the sequence so far, decoder start token included."""
    scores = scores.clone()
    for bad in settings.bad_words_ids:
        if len(bad) == 1:
            scores[:, bad[0]] = NEG_INF
        else:
            raise ValueError("multi-token bad_words_ids are not used by Marian")
    if settings.forced_eos_token_id is not None and cur_len == settings.max_length - 1:
        scores[:, :] = NEG_INF
        scores[:, settings.forced_eos_token_id] = 0.0
    return scores


@dataclass
class GreedyResult:
    sequence: List[int]  # as transformers returns it: decoder start token first
    step_logits: List[torch.Tensor] = field(default_factory=list)  # raw logits per step
    # smallest gap between the best and second-best processed score over the unforced steps: how
    # far float differences between implementations are from changing the argmax
    min_margin: float = float("inf")


def greedy(model, input_ids: List[int], settings: GenerationSettings) -> GreedyResult:
    ids = torch.tensor([input_ids], dtype=torch.long)
    mask = torch.ones_like(ids)
    enc = model.encode(ids, mask)
    seq = torch.tensor([[settings.decoder_start_token_id]], dtype=torch.long)
    raw = []
    margin = float("inf")
    while True:
        logits = model.logits(enc, mask, seq)[:, -1, :]
        raw.append(logits[0].detach().clone())
        scores = process_logits(settings, seq.shape[-1], logits)
        top2 = torch.topk(scores[0], 2).values
        if torch.isfinite(top2[1]):
            margin = min(margin, (top2[0] - top2[1]).item())
        nxt = torch.argmax(scores, dim=-1)
        seq = torch.cat([seq, nxt[:, None]], dim=-1)
        # _greedy_search stops when every sequence has produced EOS, or MaxLengthCriteria holds
        # (cur_len >= max_length).
        if nxt.item() == settings.eos_token_id or seq.shape[-1] >= settings.max_length:
            break
    return GreedyResult(seq[0].tolist(), raw, margin)


def greedy_cached(model, input_ids: List[int], settings: GenerationSettings) -> GreedyResult:
    """Greedy decoding as an engine with a KV cache runs it: the first step feeds the start token
    alone and computes the cross-attention keys/values, later steps feed only the newest token.
    Same result as greedy() in exact arithmetic; with Int8Emulation on it is the reference for the
    quantized files, whose per-tensor activation scales depend on what each call sees."""
    ids = torch.tensor([input_ids], dtype=torch.long)
    mask = torch.ones_like(ids)
    enc = model.encode(ids, mask)
    cross = model.cross_keys_values(enc)
    seq = [settings.decoder_start_token_id]
    past = None
    margin = float("inf")
    while True:
        logits, past = model.decode(torch.tensor([[seq[-1]]]), mask, cross, past)
        scores = process_logits(settings, len(seq), logits[:, -1, :])
        top2 = torch.topk(scores[0], 2).values
        if torch.isfinite(top2[1]):
            margin = min(margin, (top2[0] - top2[1]).item())
        nxt = int(torch.argmax(scores, dim=-1).item())
        seq.append(nxt)
        if nxt == settings.eos_token_id or len(seq) >= settings.max_length:
            break
    return GreedyResult(seq, [], margin)


class BeamHypotheses:
    """transformers generation/beam_search.py BeamHypotheses: the n best finished hypotheses."""

    def __init__(self, num_beams: int, length_penalty: float, early_stopping: bool):
        self.num_beams = num_beams
        self.length_penalty = length_penalty
        self.early_stopping = early_stopping
        self.beams = []  # (score, token list)
        self.worst_score = 1e9

    def __len__(self):
        return len(self.beams)

    def add(self, hyp: List[int], sum_logprobs: float):
        # score = sum_logprobs / (hyp.shape[-1] ** length_penalty); hyp holds the decoder start token
        # and the generated tokens but not the EOS that finished it (in v4.36+ the same number
        # arrives as generated_len = cur_len + 1 - decoder_prompt_len).
        score = sum_logprobs / (len(hyp) ** self.length_penalty)
        if len(self) < self.num_beams or score > self.worst_score:
            self.beams.append((score, hyp))
            if len(self) > self.num_beams:
                sorted_scores = sorted([(s, idx) for idx, (s, _) in enumerate(self.beams)])
                del self.beams[sorted_scores[0][1]]
                self.worst_score = sorted_scores[1][0]
            else:
                self.worst_score = min(score, self.worst_score)

    def is_done(self, best_sum_logprobs: float, cur_len: int) -> bool:
        if len(self) < self.num_beams:
            return False
        if self.early_stopping is True:
            return True
        # early_stopping False: the heuristic -- the best running beam divided by the current length.
        highest_attainable_score = best_sum_logprobs / cur_len**self.length_penalty
        return self.worst_score >= highest_attainable_score


@dataclass
class BeamResult:
    hypotheses: List[tuple]  # (score, sequence with decoder start and final EOS), best first
    # smallest score gap at any decision (which candidates survive a step, whether an EOS counts,
    # whether a finished hypothesis evicts another, whether the search is done, which hypothesis
    # wins): how far float differences between implementations are from changing the result
    min_margin: float = float("inf")


def beam_search(model, input_ids: List[int], settings: GenerationSettings) -> BeamResult:
    """One sentence (batch size 1) through transformers' `_beam_search` with `BeamSearchScorer`,
    returning all num_beams hypotheses (num_return_sequences = num_beams); the first is what
    generate() returns with num_return_sequences = 1."""
    num_beams = settings.num_beams
    eos = settings.eos_token_id
    ids = torch.tensor([input_ids], dtype=torch.long)
    mask = torch.ones_like(ids)
    enc = model.encode(ids, mask).repeat(num_beams, 1, 1)
    mask = mask.repeat(num_beams, 1)
    seqs = torch.full((num_beams, 1), settings.decoder_start_token_id, dtype=torch.long)
    # _beam_search: only the first beam is live at the start, the others can never be picked first.
    beam_scores = torch.zeros(num_beams, dtype=torch.float32)
    beam_scores[1:] = -1e9
    hyps = BeamHypotheses(num_beams, settings.length_penalty, settings.early_stopping)
    done = False
    margin = float("inf")
    while True:
        logits = model.logits(enc, mask, seqs)[:, -1, :]
        # MarianMTModel.adjust_logits_during_generation: pad can never be generated, before log_softmax.
        logits[:, settings.pad_token_id] = NEG_INF
        scores = F.log_softmax(logits, dim=-1)
        scores = process_logits(settings, seqs.shape[-1], scores)
        scores = scores + beam_scores[:, None]
        vocab = scores.shape[-1]
        flat = scores.reshape(1, num_beams * vocab)
        # 2 * num_beams candidates, so that at least num_beams of them are not EOS.
        top_scores, top_ids = torch.topk(flat, 2 * num_beams, dim=1, largest=True, sorted=True)
        beam_of = torch.div(top_ids, vocab, rounding_mode="floor")[0]
        token_of = (top_ids % vocab)[0]
        top_scores = top_scores[0]
        margin = min(margin, _selection_margin(flat[0], vocab, eos, num_beams))

        # BeamSearchScorer.process
        cur_len = seqs.shape[-1]
        next_scores, next_tokens, next_beams = [], [], []
        for rank in range(2 * num_beams):
            token = token_of[rank].item()
            beam = beam_of[rank].item()
            if token == eos:
                # an EOS that is not among the top num_beams candidates is not added
                if rank >= num_beams:
                    continue
                if len(hyps) >= num_beams:
                    candidate = top_scores[rank].item() / (seqs.shape[-1] ** settings.length_penalty)
                    margin = min(margin, abs(candidate - hyps.worst_score))
                hyps.add(seqs[beam].tolist(), top_scores[rank].item())
            else:
                next_scores.append(top_scores[rank])
                next_tokens.append(token)
                next_beams.append(beam)
            if len(next_tokens) == num_beams:
                break
        last_step = cur_len + 1 >= settings.max_length
        if not done and not last_step and len(hyps) >= num_beams and not settings.early_stopping:
            # A gap of exactly 0 is structural, not a near-tie: the best candidate was an EOS that
            # just became the worst finished hypothesis, and is_done's ">=" then holds in any
            # implementation that divides the same sum by the same length.
            attainable = top_scores.max().item() / cur_len**settings.length_penalty
            gap = abs(hyps.worst_score - attainable)
            if math.isfinite(attainable) and gap > 0.0:
                margin = min(margin, gap)
        done = done or hyps.is_done(top_scores.max().item(), cur_len)

        seqs = torch.cat([seqs[next_beams], torch.tensor(next_tokens, dtype=torch.long)[:, None]], dim=-1)
        beam_scores = torch.stack(next_scores)
        if done or seqs.shape[-1] >= settings.max_length:
            break

    # BeamSearchScorer.finalize: open beams join the finished ones unless the sentence is done.
    if not done:
        for b in range(num_beams):
            hyps.add(seqs[b].tolist(), beam_scores[b].item())
    ranked = sorted(hyps.beams, key=lambda x: x[0])
    out = []
    while ranked:
        score, hyp = ranked.pop()
        # finalize appends EOS when the hypothesis is shorter than max_length
        seq = hyp + [eos] if len(hyp) < settings.max_length else hyp
        out.append((score, seq))
    for (better, _), (worse, _) in zip(out, out[1:]):
        if math.isfinite(worse):
            margin = min(margin, better - worse)
    return BeamResult(out, margin)


def _selection_margin(flat: torch.Tensor, vocab: int, eos: int, num_beams: int) -> float:
    """Score gaps at the decisions of one beam step: the last non-EOS candidate kept against the
    first one dropped, and, when an EOS sits at the top-num_beams cut, the two candidates there."""
    ordered, idx = torch.sort(flat, descending=True)
    tokens = idx % vocab
    finite = torch.isfinite(ordered)
    gaps = []
    if finite[num_beams] and (tokens[num_beams - 1] == eos or tokens[num_beams] == eos):
        gaps.append((ordered[num_beams - 1] - ordered[num_beams]).item())
    kept = ordered[(tokens != eos) & finite]
    if len(kept) > num_beams:
        gaps.append((kept[num_beams - 1] - kept[num_beams]).item())
    return min(gaps) if gaps else float("inf")

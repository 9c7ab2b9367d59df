package dragoman.align;

import dragoman.eval.SentenceAlignmentScores;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Speed of {@link SentenceAligner} on synthetic parallel documents of growing size (a benchmark
 * command run by eval/align-speed, not a test). Prints one Markdown table row per size: sentences a
 * side, wall and CPU seconds, peak heap, and strict F1 against the synthetic gold.
 *
 * <p>The synthetic pair: a source vocabulary of 20,000 random letter strings; each word has a fixed
 * "translation", a cognate (same stem, other ending) for a third of them and otherwise a random
 * word of similar length. Source sentences have 5 to 30 words, a tenth carry a number. The target
 * follows the source bead by bead: 1-1 (88%), 1-2 split (4%), 2-1 merge (4%), 1-0 (1.5%), 0-1
 * (1.5%), 2-2 (1%), with each word's length jittered by the translation. Seeded, so reproducible.
 */
public final class AlignBenchmark {
  public static void main(String[] args) {
    boolean withTranslation = args.length > 0 && args[0].equals("--translation");
    if (withTranslation) {
      args = java.util.Arrays.copyOfRange(args, 1, args.length);
    }
    int[] sizes = {1_000, 10_000, 100_000};
    if (args.length > 0) {
      sizes = java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    }
    // Coarse-to-fine at every size (full search only below 250,000 cells, about 500 x 500), so
    // the rows compare like with like; the defaults would search 1k x 1k in full.
    AlignOptions options = AlignOptions.defaults().withFullSearchCells(250_000);
    System.out.println(
        "| sentences a side | wall seconds | CPU seconds | CPU us a sentence | peak heap MB | strict"
            + " F1 |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
    // Warm the JIT on a small pair so the first row is not mostly compilation.
    Synthetic warm = Synthetic.make(5_000, 7);
    new SentenceAligner(options).align(warm.source, warm.target);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int n : sizes) {
      Synthetic data = Synthetic.make(n, 42);
      System.gc();
      resetPeaks();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      List<Bead> beads =
          withTranslation
              ? new SentenceAligner(options)
                  .align(
                      data.source,
                      data.target,
                      SentenceAligner.Translations.ofSource(data.sourceTranslation))
              : new SentenceAligner(options).align(data.source, data.target);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
      double f1 = SentenceAlignmentScores.of(data.gold, beads).f1Strict();
      System.out.printf(
          java.util.Locale.ROOT,
          "| %,d / %,d | %.2f | %.2f | %.0f | %d | %.3f |%n",
          data.source.size(),
          data.target.size(),
          seconds,
          cpu,
          cpu * 1e6 / data.source.size(),
          peakHeapMb(),
          f1);
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum / (1024 * 1024);
  }

  /** A synthetic document pair with its gold alignment. */
  record Synthetic(
      List<String> source, List<String> target, List<String> sourceTranslation, List<Bead> gold) {
    static Synthetic make(int sentences, long seed) {
      Random r = new Random(seed);
      int vocab = 20_000;
      String[] src = new String[vocab];
      String[] tgt = new String[vocab];
      for (int w = 0; w < vocab; w++) {
        src[w] = word(r, 2 + r.nextInt(10));
        if (r.nextInt(3) == 0 && src[w].length() > 4) {
          tgt[w] = src[w].substring(0, src[w].length() - 1) + (char) ('a' + r.nextInt(26));
        } else {
          tgt[w] = word(r, Math.max(1, src[w].length() + r.nextInt(5) - 2));
        }
      }
      List<String> source = new ArrayList<>();
      List<String> target = new ArrayList<>();
      List<String> translation = new ArrayList<>();
      List<Bead> gold = new ArrayList<>();
      while (source.size() < sentences) {
        int op = r.nextInt(1000);
        int a;
        int b;
        if (op < 880) {
          a = 1;
          b = 1;
        } else if (op < 920) {
          a = 1;
          b = 2;
        } else if (op < 960) {
          a = 2;
          b = 1;
        } else if (op < 975) {
          a = 1;
          b = 0;
        } else if (op < 990) {
          a = 0;
          b = 1;
        } else {
          a = 2;
          b = 2;
        }
        List<Integer> ids = new ArrayList<>();
        List<StringBuilder> srcSents = new ArrayList<>();
        List<String> srcTrans = new ArrayList<>();
        List<StringBuilder> tgtText = new ArrayList<>();
        StringBuilder tgtAll = new StringBuilder();
        for (int k = 0; k < Math.max(a, 1); k++) {
          StringBuilder s = new StringBuilder();
          StringBuilder t = new StringBuilder();
          int len = 5 + r.nextInt(26);
          for (int x = 0; x < len; x++) {
            int w = (int) Math.min(vocab - 1, Math.abs(r.nextGaussian()) * vocab / 4);
            s.append(x == 0 ? capital(src[w]) : src[w]).append(' ');
            t.append(x == 0 ? capital(tgt[w]) : tgt[w]).append(' ');
          }
          if (r.nextInt(10) == 0) {
            String num = Integer.toString(r.nextInt(5000));
            s.append(num).append(' ');
            t.append(num).append(' ');
          }
          s.setLength(s.length() - 1);
          t.setLength(t.length() - 1);
          s.append('.');
          t.append('.');
          srcSents.add(s);
          srcTrans.add(t.toString());
          tgtAll.append(t).append(' ');
        }
        // Target sentences: the content of the source sentence(s), cut into b pieces.
        String[] words = tgtAll.toString().trim().split(" ");
        for (int k = 0; k < b; k++) {
          int from = words.length * k / b;
          int to = words.length * (k + 1) / b;
          tgtText.add(new StringBuilder(String.join(" ", List.of(words).subList(from, to))));
        }
        List<Integer> s = new ArrayList<>();
        for (int k = 0; k < a; k++) {
          s.add(source.size());
          source.add(srcSents.get(k).toString());
          // the "machine translation": the word-for-word rendering, before the target is re-cut
          translation.add(srcTrans.get(k));
        }
        if (a == 0) {
          // an insertion: the target sentence is new text, not a translation of any source
          tgtText.clear();
          tgtText.add(srcSents.get(0));
        }
        for (StringBuilder t : tgtText) {
          ids.add(target.size());
          target.add(t.toString());
        }
        gold.add(new Bead(s, ids, 0));
      }
      return new Synthetic(source, target, translation, gold);
    }

    private static String word(Random r, int len) {
      StringBuilder b = new StringBuilder(len);
      for (int k = 0; k < len; k++) {
        b.append((char) ('a' + r.nextInt(26)));
      }
      return b.toString();
    }

    private static String capital(String w) {
      return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
  }
}

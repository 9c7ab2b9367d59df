package dragoman.metric;

/**
 * numpy's default random generator, bit for bit: {@code np.random.default_rng(seed)} is a PCG64
 * (O'Neill 2014, XSL-RR output on a 128-bit LCG) seeded through a {@code SeedSequence}, and this
 * class reproduces the seeding ({@code numpy/random/bit_generator.pyx}), the generator ({@code
 * numpy/random/src/pcg64/pcg64.h}) and the two draws sacreBLEU's significance tests make: bounded
 * integers by Lemire's multiply-and-reject method on 32-bit draws ({@code
 * buffered_bounded_lemire_uint32} in {@code distributions.c}, which {@code Generator.integers} and
 * {@code Generator.choice} use for ranges below 2^32) and booleans taken bit by bit from 32-bit
 * draws ({@code buffered_bounded_bool}). A 32-bit draw is the low half of a 64-bit output, then the
 * high half, as numpy's {@code pcg64_next32}.
 *
 * <p>Not thread-safe.
 */
public final class Pcg64 {
  private static final long MULT_HI = 0x2360ED051FC65DA4L;
  private static final long MULT_LO = 0x4385DF649FCCF645L;

  // SeedSequence's hash constants (bit_generator.pyx)
  private static final int INIT_A = 0x43b0d7e5;
  private static final int MULT_A = 0x931e8875;
  private static final int INIT_B = 0x8b51f9dd;
  private static final int MULT_B = 0x58f38ded;
  private static final int MIX_MULT_L = 0xca01f9dd;
  private static final int MIX_MULT_R = 0x4973f715;
  private static final int XSHIFT = 16;
  private static final int POOL_SIZE = 4;

  private long stateHi;
  private long stateLo;
  private final long incHi;
  private final long incLo;
  private boolean hasUint32;
  private int uinteger;
  // bits left in the boolean buffer, as buffered_bounded_bool keeps them within one fill call
  private int boolCount;
  private int boolBuffer;

  private Pcg64(long[] words) {
    // pcg64_set_seed: state = (words[0], words[1]), increment sequence = (words[2], words[3])
    long initHi = words[0];
    long initLo = words[1];
    long seqHi = words[2];
    long seqLo = words[3];
    // pcg_setseq_128_srandom_r
    incHi = (seqHi << 1) | (seqLo >>> 63);
    incLo = (seqLo << 1) | 1L;
    stateHi = 0;
    stateLo = 0;
    step();
    long lo = stateLo + initLo;
    long carry = Long.compareUnsigned(lo, stateLo) < 0 ? 1 : 0;
    stateHi = stateHi + initHi + carry;
    stateLo = lo;
    step();
  }

  /** {@code np.random.default_rng(seed)} for a non-negative seed. */
  public static Pcg64 seeded(long seed) {
    if (seed < 0) {
      throw new IllegalArgumentException("the seed must be >= 0");
    }
    int[] entropy =
        (seed >>> 32) == 0 ? new int[] {(int) seed} : new int[] {(int) seed, (int) (seed >>> 32)};
    int[] pool = mixEntropy(entropy);
    int[] state32 = generateState(pool, 2 * POOL_SIZE);
    long[] words = new long[POOL_SIZE];
    for (int i = 0; i < POOL_SIZE; i++) {
      // a view of uint32 pairs as little-endian uint64
      words[i] = (state32[2 * i] & 0xFFFFFFFFL) | ((long) state32[2 * i + 1] << 32);
    }
    return new Pcg64(words);
  }

  private static int hashmix(int value, int[] hashConst) {
    value ^= hashConst[0];
    hashConst[0] *= MULT_A;
    value *= hashConst[0];
    value ^= value >>> XSHIFT;
    return value;
  }

  private static int mix(int x, int y) {
    int result = MIX_MULT_L * x - MIX_MULT_R * y;
    result ^= result >>> XSHIFT;
    return result;
  }

  /** SeedSequence.mix_entropy. */
  static int[] mixEntropy(int[] entropy) {
    int[] hashConst = {INIT_A};
    int[] mixer = new int[POOL_SIZE];
    for (int i = 0; i < POOL_SIZE; i++) {
      mixer[i] = hashmix(i < entropy.length ? entropy[i] : 0, hashConst);
    }
    for (int src = 0; src < POOL_SIZE; src++) {
      for (int dst = 0; dst < POOL_SIZE; dst++) {
        if (src != dst) {
          mixer[dst] = mix(mixer[dst], hashmix(mixer[src], hashConst));
        }
      }
    }
    for (int src = POOL_SIZE; src < entropy.length; src++) {
      for (int dst = 0; dst < POOL_SIZE; dst++) {
        mixer[dst] = mix(mixer[dst], hashmix(entropy[src], hashConst));
      }
    }
    return mixer;
  }

  /** SeedSequence.generate_state as uint32 words. */
  private static int[] generateState(int[] pool, int words) {
    int hashConst = INIT_B;
    int[] out = new int[words];
    for (int i = 0; i < words; i++) {
      int v = pool[i % pool.length];
      v ^= hashConst;
      hashConst *= MULT_B;
      v *= hashConst;
      v ^= v >>> XSHIFT;
      out[i] = v;
    }
    return out;
  }

  private void step() {
    // state = state * MULT + inc (mod 2^128)
    long lo = stateLo * MULT_LO;
    long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateLo * MULT_HI + stateHi * MULT_LO;
    long newLo = lo + incLo;
    long carry = Long.compareUnsigned(newLo, lo) < 0 ? 1 : 0;
    stateHi = hi + incHi + carry;
    stateLo = newLo;
  }

  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /** The next 64-bit output (numpy's {@code random_raw}). */
  public long nextLong() {
    step();
    return Long.rotateRight(stateHi ^ stateLo, (int) (stateHi >>> 58));
  }

  /** The next 32-bit output: the low half of a 64-bit one, then its high half. */
  public int nextInt() {
    if (hasUint32) {
      hasUint32 = false;
      return uinteger;
    }
    long next = nextLong();
    hasUint32 = true;
    uinteger = (int) (next >>> 32);
    return (int) next;
  }

  /**
   * A uniform integer in [0, bound), as {@code Generator.integers(0, bound)} and {@code
   * Generator.choice(bound)} draw it for a bound up to 2^32: Lemire's method with rejection.
   */
  public int nextBounded(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    if (bound == 1) {
      return 0; // numpy's rng == 0 case: no draw
    }
    long rngExcl = bound & 0xFFFFFFFFL;
    long m = (nextInt() & 0xFFFFFFFFL) * rngExcl;
    long leftover = m & 0xFFFFFFFFL;
    if (leftover < rngExcl) {
      long threshold = (0xFFFFFFFFL - (rngExcl - 1)) % rngExcl;
      while (leftover < threshold) {
        m = (nextInt() & 0xFFFFFFFFL) * rngExcl;
        leftover = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /**
   * Fills {@code out} as one call of {@code Generator.integers(2, size=..., dtype=bool)} does: each
   * 32-bit draw gives 32 booleans, lowest bit first.
   */
  public void fillBooleans(boolean[] out) {
    boolCount = 0;
    boolBuffer = 0;
    for (int i = 0; i < out.length; i++) {
      if (boolCount == 0) {
        boolBuffer = nextInt();
        boolCount = 31;
      } else {
        boolBuffer >>>= 1;
        boolCount--;
      }
      out[i] = (boolBuffer & 1) != 0;
    }
  }
}

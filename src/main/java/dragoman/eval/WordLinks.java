package dragoman.eval;

import java.util.HashSet;
import java.util.Set;

/**
 * The word links of one sentence pair: sure links, and possible links (which include the sure ones,
 * as in Och and Ney 2003). A link is encoded as {@code source << 32 | target}.
 */
public record WordLinks(Set<Long> sure, Set<Long> possible) {
  public WordLinks {
    sure = Set.copyOf(sure);
    possible = Set.copyOf(possible);
    if (!possible.containsAll(sure)) {
      throw new IllegalArgumentException("every sure link is also a possible link");
    }
  }

  /** The encoded link from source word {@code s} to target word {@code t}. */
  public static long link(int s, int t) {
    return ((long) s << 32) | (t & 0xffffffffL);
  }

  /** Collects links; a link given both as sure and possible is sure. */
  public static final class Builder {
    private final Set<Long> sure = new HashSet<>();
    private final Set<Long> possible = new HashSet<>();

    public Builder add(int s, int t, boolean isSure) {
      long l = link(s, t);
      possible.add(l);
      if (isSure) {
        sure.add(l);
      }
      return this;
    }

    public WordLinks build() {
      return new WordLinks(sure, possible);
    }
  }
}

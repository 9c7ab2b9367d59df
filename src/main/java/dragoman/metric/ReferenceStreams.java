package dragoman.metric;

import java.util.ArrayList;
import java.util.List;

/** Reference streams regrouped by segment, as sacreBLEU's {@code _cache_references} does. */
final class ReferenceStreams {
  private ReferenceStreams() {}

  /**
   * Transposes streams (one list of lines per reference) into segments (one list of references per
   * line). As in sacreBLEU since its "allow empty references" change (issue #161, PR #175; checked
   * against 2.6.0), an empty reference is a real reference of length 0; only a missing ({@code
   * null}) one is dropped, and a line left with none is an error.
   */
  static List<List<String>> bySegment(List<List<String>> streams) {
    if (streams.isEmpty()) {
      throw new IllegalArgumentException("no reference given");
    }
    int lines = streams.get(0).size();
    for (int s = 1; s < streams.size(); s++) {
      if (streams.get(s).size() != lines) {
        throw new IllegalArgumentException(
            "reference "
                + (s + 1)
                + " has "
                + streams.get(s).size()
                + " lines but reference 1 has "
                + lines);
      }
    }
    List<List<String>> segments = new ArrayList<>(lines);
    for (int i = 0; i < lines; i++) {
      List<String> refs = new ArrayList<>(streams.size());
      for (List<String> stream : streams) {
        String r = stream.get(i);
        if (r != null) {
          refs.add(r);
        }
      }
      if (refs.isEmpty()) {
        throw new IllegalArgumentException("line " + (i + 1) + " has no reference");
      }
      segments.add(refs);
    }
    return segments;
  }
}

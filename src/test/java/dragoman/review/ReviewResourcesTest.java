package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the review's resume digest covers. */
class ReviewResourcesTest {
  @Test
  void everyFileOfTheReviewResourcesButTheModelCardIsInTheDigest() throws IOException {
    // A fitted file added later and left out of NAMES would let a refitted review resume stale.
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/dragoman/review"))) {
      assertThat(ReviewResources.NAMES)
          .containsExactlyInAnyOrderElementsOf(
              files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".md")).toList());
    }
  }
}

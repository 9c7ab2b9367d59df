package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule that looks at each token with its neighbours and finds at most one error there; findings
 * come in token order.
 */
abstract class TokenRule extends ReviewRule {
  TokenRule(
      String detector,
      String id,
      Severity severity,
      String description,
      List<ExamplePair> examples) {
    super(detector, id, severity, description, examples);
  }

  @Override
  public final List<Finding> match(List<Token> tokens, Segment segment) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      at(tokens, i).ifPresent(out::add);
    }
    return out;
  }

  /** The error at token {@code i} of {@code tokens}, if there is one. */
  protected abstract Optional<Finding> at(List<Token> tokens, int i);
}

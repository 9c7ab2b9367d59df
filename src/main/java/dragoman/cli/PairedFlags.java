package dragoman.cli;

import dragoman.metric.PairedTest;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** sacreBLEU's paired significance-test flags. */
final class PairedFlags {
  @Option(
      names = {"--paired-bs", "-pbs"},
      description = "Paired bootstrap resampling of every --hyp against the first (the baseline).")
  boolean bootstrap;

  @Option(
      names = {"--paired-ar", "-par"},
      description = "Paired approximate randomisation of every --hyp against the first.")
  boolean randomization;

  @Option(
      names = {"--paired-bs-n", "-pbsn"},
      defaultValue = "1000",
      description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
  int bootstrapSamples;

  @Option(
      names = {"--paired-ar-n", "-parn"},
      defaultValue = "10000",
      description = "Approximate-randomisation trials (default: ${DEFAULT-VALUE}).")
  int randomizationTrials;

  @Option(
      names = "--seed",
      defaultValue = "12345",
      description =
          "Random seed of the tests (default: ${DEFAULT-VALUE}, sacreBLEU's SACREBLEU_SEED).")
  long seed;

  boolean any() {
    return bootstrap || randomization;
  }

  /** The test asked for, or null. */
  PairedTest.Options options(CommandLine cli) {
    if (bootstrap && randomization) {
      throw new CommandLine.ParameterException(cli, "choose one of --paired-bs and --paired-ar");
    }
    if (!any()) {
      return null;
    }
    int samples = bootstrap ? bootstrapSamples : randomizationTrials;
    if (samples < 1 || seed < 0) {
      throw new CommandLine.ParameterException(
          cli, "--paired-bs-n and --paired-ar-n must be at least 1, --seed at least 0");
    }
    return new PairedTest.Options(
        bootstrap ? PairedTest.Kind.BOOTSTRAP : PairedTest.Kind.APPROXIMATE_RANDOMIZATION,
        samples,
        seed);
  }
}

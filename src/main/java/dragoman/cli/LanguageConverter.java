package dragoman.cli;

import dragoman.text.Language;
import picocli.CommandLine;

/** Parses {@code de} / {@code en} into a {@link Language}. */
final class LanguageConverter implements CommandLine.ITypeConverter<Language> {
  @Override
  public Language convert(String value) {
    try {
      return Language.fromCode(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}

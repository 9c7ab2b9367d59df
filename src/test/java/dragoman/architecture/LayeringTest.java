package dragoman.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layers of ARCHITECTURE.md, bottom to top: {@code text} and {@code io}; {@code
 * metric}; {@code mt}; {@code mt.marian}; {@code align}; {@code review}; {@code export}; {@code
 * formats} (translators' files through Okapi) and {@code eval}; {@code pipeline}; {@code cli} and
 * {@code serve} (only cli, whose serve command maps its flags, uses serve). A package may use only
 * the layers below it, so no package can form a cycle with another.
 */
class LayeringTest {
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dragoman");
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("text")
        .definedBy("dragoman.text..")
        .layer("io")
        .definedBy("dragoman.io..")
        .layer("metric")
        .definedBy("dragoman.metric..")
        .layer("mt")
        .definedBy("dragoman.mt")
        .layer("mt.marian")
        .definedBy("dragoman.mt.marian..")
        .layer("align")
        .definedBy("dragoman.align..")
        .layer("review")
        .definedBy("dragoman.review..")
        .layer("export")
        .definedBy("dragoman.export..")
        .layer("formats")
        .definedBy("dragoman.formats..")
        .layer("eval")
        .definedBy("dragoman.eval..")
        .layer("pipeline")
        .definedBy("dragoman.pipeline..")
        .layer("cli")
        .definedBy("dragoman.cli..")
        .layer("serve")
        .definedBy("dragoman.serve..")
        .whereLayer("serve")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("pipeline")
        .mayOnlyBeAccessedByLayers("cli", "serve")
        .whereLayer("eval")
        .mayOnlyBeAccessedByLayers("pipeline", "cli", "serve")
        .whereLayer("formats")
        .mayOnlyBeAccessedByLayers("pipeline", "cli", "serve")
        .whereLayer("export")
        .mayOnlyBeAccessedByLayers("formats", "eval", "pipeline", "cli", "serve")
        .whereLayer("review")
        .mayOnlyBeAccessedByLayers("export", "formats", "eval", "pipeline", "cli", "serve")
        .whereLayer("align")
        .mayOnlyBeAccessedByLayers(
            "review", "export", "formats", "eval", "pipeline", "cli", "serve")
        .whereLayer("mt.marian")
        .mayOnlyBeAccessedByLayers("pipeline", "cli", "serve")
        .whereLayer("mt")
        .mayOnlyBeAccessedByLayers(
            "mt.marian", "align", "review", "export", "formats", "eval", "pipeline", "cli", "serve")
        .whereLayer("metric")
        .mayOnlyBeAccessedByLayers(
            "mt",
            "mt.marian",
            "align",
            "review",
            "export",
            "formats",
            "eval",
            "pipeline",
            "cli",
            "serve")
        .whereLayer("io")
        .mayOnlyBeAccessedByLayers(
            "metric",
            "mt",
            "mt.marian",
            "align",
            "review",
            "export",
            "formats",
            "eval",
            "pipeline",
            "cli",
            "serve")
        .withOptionalLayers(true)
        .check(production);
  }

  @Test
  void noPackageFormsACycle() {
    slices().matching("dragoman.(**)").should().beFreeOfCycles().check(production);
  }
}

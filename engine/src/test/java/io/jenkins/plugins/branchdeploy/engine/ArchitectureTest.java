package io.jenkins.plugins.branchdeploy.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The engine's design as {@code docs/architecture.md} draws it: its layers, no package cycles, and
 * nothing of Jenkins, Stapler or picocli, nor the standard streams, so that both front ends can use it.
 */
@AnalyzeClasses(packages = ArchitectureTest.ENGINE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ENGINE = "io.jenkins.plugins.branchdeploy.engine";

    /** Each layer uses only the layers listed under it in docs/architecture.md. */
    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("shared").definedBy(ENGINE)
            .layer("branch").definedBy(ENGINE + ".branch..")
            .layer("naming").definedBy(ENGINE + ".naming..")
            .layer("request").definedBy(ENGINE + ".request..")
            .layer("manifest").definedBy(ENGINE + ".manifest..")
            .layer("shaping").definedBy(ENGINE + ".shaping..")
            .layer("webhook").definedBy(ENGINE + ".webhook..")
            .layer("argocd").definedBy(ENGINE + ".argocd..")
            .layer("smoke").definedBy(ENGINE + ".smoke..")
            .layer("cluster").definedBy(ENGINE + ".cluster..")
            .layer("database").definedBy(ENGINE + ".database..")
            .layer("report").definedBy(ENGINE + ".report..")
            .layer("lifecycle").definedBy(ENGINE + ".lifecycle..")
            .layer("history").definedBy(ENGINE + ".history..")
            .layer("variant").definedBy(ENGINE + ".variant..")
            .layer("deploy").definedBy(ENGINE + ".deploy..")
            .whereLayer("deploy").mayNotBeAccessedByAnyLayer()
            .whereLayer("history").mayOnlyBeAccessedByLayers("deploy")
            .whereLayer("variant").mayOnlyBeAccessedByLayers("deploy")
            .whereLayer("lifecycle").mayOnlyBeAccessedByLayers("history", "deploy")
            .whereLayer("report").mayOnlyBeAccessedByLayers("deploy")
            .whereLayer("database").mayOnlyBeAccessedByLayers("variant", "deploy")
            .whereLayer("cluster").mayOnlyBeAccessedByLayers("report", "lifecycle", "history", "variant", "deploy")
            .whereLayer("smoke").mayOnlyBeAccessedByLayers("deploy")
            .whereLayer("webhook").mayOnlyBeAccessedByLayers("cluster", "variant", "deploy")
            .whereLayer("argocd").mayOnlyBeAccessedByLayers("cluster", "variant", "deploy")
            .whereLayer("shaping").mayOnlyBeAccessedByLayers("webhook", "cluster", "variant", "deploy")
            .whereLayer("manifest").mayOnlyBeAccessedByLayers("shaping", "webhook", "cluster", "variant", "deploy")
            .whereLayer("request").mayOnlyBeAccessedByLayers("manifest", "shaping", "webhook", "argocd", "cluster", "database", "variant", "deploy")
            .whereLayer("naming").mayOnlyBeAccessedByLayers(
                    "manifest", "shaping", "webhook", "argocd", "cluster", "database", "report", "lifecycle", "history", "variant", "deploy")
            .whereLayer("branch").mayOnlyBeAccessedByLayers(
                    "naming", "request", "manifest", "cluster", "database", "report", "lifecycle", "history", "variant", "deploy");

    /** The shared package is below every layer: it uses none of them. */
    @ArchTest
    static final ArchRule SHARED_USES_NO_LAYER = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAPackage(ENGINE + ".(*)..");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(ENGINE + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule NO_FRONT_END = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke.stapler..", "picocli..")
            .because("the engine runs without Jenkins and without the command line");

    @ArchTest
    static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("the engine reports through a ProgressListener; the front end decides where text goes");
}

package io.jenkins.plugins.branchdeploy.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/** The command line's design as {@code docs/architecture.md} draws it. */
@AnalyzeClasses(packages = "io.jenkins.plugins.branchdeploy.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ENGINE = "io.jenkins.plugins.branchdeploy.engine";

    /** The engine's entry points, as docs/architecture.md lists them. */
    private static final Set<String> ENTRY_POINTS = Set.of(
            "deploy.BranchDeployer", "deploy.DeployInput", "deploy.ChangeComparison", "deploy.ReviewLink", "cluster.BranchEnvironments", "cluster.EnvironmentInventory",
            "cluster.EnvironmentDeploys", "cluster.EnvironmentLifecycle", "cluster.EnvironmentOpens", "cluster.EnvironmentWebhooks", "lifecycle.Cleanup",
            "report.ChangeReporter", "database.DatabaseBranches", "naming.NamingPolicy", "variant.Variants");

    /** Values that are not records, and the readers and writers of what users write and read. */
    private static final Set<String> VALUES_AND_FORMATS = Set.of(
            "Durations", "request.SecretEntry", "request.DeployRequest$Builder", "variant.VariantRequest$Builder", "history.DeployHistory", "lifecycle.ScmState",
            "lifecycle.ScmState$Builder", "lifecycle.WorkingHours", "lifecycle.LiveStateFile", "smoke.SmokeTests",
            "database.AdminConnection", "report.ChangeReportText", "report.ChangeReportHtml",
            "history.DeployHistoryJson", "history.MetricsJson", "history.PrometheusText",
            "history.FileMetricsStore", "history.InMemoryMetricsStore", "report.EnvironmentValues");

    private static final DescribedPredicate<JavaClass> ENTRY_POINT_OR_VALUE = DescribedPredicate.describe(
            "outside the engine, or an engine entry point or value",
            c -> !c.getPackageName().startsWith(ENGINE) || listed(c)
                    || c.isRecord() || c.isEnum() || c.isInterface() || c.isAssignableTo(Throwable.class));

    private static boolean listed(JavaClass c) {
        String name = c.getName().substring(ENGINE.length() + 1);
        return ENTRY_POINTS.contains(name) || VALUES_AND_FORMATS.contains(name);
    }

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("io.jenkins.plugins.branchdeploy.(**)").should().beFreeOfCycles();

    /** Commands ask the engine to act; they do not assemble its internals (renderers, API writers) themselves. */
    @ArchTest
    static final ArchRule ENGINE_ONLY_THROUGH_ENTRY_POINTS = classes()
            .should().onlyDependOnClassesThat(ENTRY_POINT_OR_VALUE);
}

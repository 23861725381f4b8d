package io.jenkins.plugins.branchdeploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.kohsuke.stapler.verb.POST;

/** The plugin's rules, as docs/architecture.md states them. Needs no Jenkins: it reads class files. */
@AnalyzeClasses(packages = "io.jenkins.plugins.branchdeploy", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {

    /**
     * Web methods change state (teardown, extend) or check permissions and reach clusters and
     * credentials (form checks, list boxes, the connection test): a GET must not trigger them.
     */
    @ArchTest
    static final ArchRule WEB_METHODS_ACCEPT_ONLY_POST = methods()
            .that().arePublic().and().haveNameMatching("do[A-Z].*")
            .and().areDeclaredInClassesThat().resideInAPackage("io.jenkins.plugins.branchdeploy..")
            // a review link is a link, so a GET: it changes nothing an environment holds, it only records the open
            .and().areDeclaredInClassesThat().doNotHaveSimpleName("ReviewLinkAction")
            .should().beAnnotatedWith(POST.class).orShould().beAnnotatedWith(RequirePOST.class);

    /** The glue reaches Jenkins through its facade, so that its decisions can be tested with a fake one. */
    @ArchTest
    static final ArchRule JENKINS_ONLY_THROUGH_THE_FACADE = noClasses()
            .that().doNotBelongToAnyOf(JenkinsFacade.class)
            .should().callMethod(Jenkins.class, "get");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("io.jenkins.plugins.branchdeploy.(*)..").should().beFreeOfCycles();
}

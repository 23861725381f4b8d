package io.jenkins.plugins.branchdeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The report as people read it: text in the build log, HTML on the build page, drift on both. */
class ChangeReportRenderingTest {

    private static final Set<String> FRAGMENT_TAGS =
            Set.of("div", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "code");

    private final List<HasMetadata> main = Manifests.load("microservices-demo");
    private final List<HasMetadata> branch = Manifests.load("microservices-demo");

    @Test
    void textListsEachDifferenceUnderItsResource() {
        Deployment frontend = ChangeReporterTest.find(branch, Deployment.class, "frontend");
        String image = frontend.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        frontend.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image + "-rc1");
        branch.removeIf(r -> r.getKind().equals("ServiceAccount") && r.getMetadata().getName().equals("loadgenerator"));

        String text = ChangeReportText.render(ChangeReporter.compare(branch, main));

        assertThat(text.lines()).containsExactly(
                "Changes versus main: 0 added, 1 removed, 1 changed, " + (main.size() - 2) + " unchanged",
                "  ~ Deployment/frontend",
                "      containers[server].image: " + image + " -> " + image.substring(image.lastIndexOf(':') + 1) + "-rc1",
                "  - ServiceAccount/loadgenerator");
    }

    @Test
    void driftAboveTheThresholdIsAWarningInTextAndHtml() {
        ChangeReport report = ChangeReporter.compare(branch, main).withDrift(new Drift("main", 57, 50));

        assertThat(ChangeReportText.render(report)).startsWith("WARNING: This branch is 57 commits behind main "
                + "(more than 50): merge or rebase main so that this comparison shows current code.\n");
        assertThat(ChangeReportHtml.render(report)).contains("<p class=\"branch-deploy-drift warning\">This branch is 57");
    }

    @Test
    void theEnvironmentsWebhookUrlFollowsTheSummaryInTextAndHtml() {
        ChangeReport report = ChangeReporter.compare(branch, main)
                .withWebhookUrl("https://hooks--shop.preview.example.dev/feature-cart-lworqu?<b>");

        assertThat(ChangeReportText.render(report).lines()).element(1)
                .isEqualTo("Webhooks reach this environment at https://hooks--shop.preview.example.dev/feature-cart-lworqu?<b>");
        assertThat(ChangeReportHtml.render(report)).contains("<p class=\"branch-deploy-webhooks\">Webhooks reach this environment at "
                + "https://hooks--shop.preview.example.dev/feature-cart-lworqu?&lt;b&gt;</p>");
        assertThat(ChangeReportText.render(report.withWebhookUrl(null))).doesNotContain("Webhooks");
    }

    @Test
    void driftWithinTheThresholdIsPlainInformation() {
        ChangeReport report = ChangeReporter.compare(branch, main).withDrift(new Drift("develop", 1, 1));

        assertThat(report.driftExceeded()).isFalse();
        assertThat(ChangeReportText.render(report)).startsWith("This branch is 1 commit behind develop.\n");
        assertThat(ChangeReportHtml.render(report)).contains("<p class=\"branch-deploy-drift\">This branch is 1 commit");
    }

    @Test
    void driftRefusesNegativeCountsNamingTheField() {
        assertThatThrownBy(() -> new Drift("main", -1, 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("commits-behind"));
        assertThatThrownBy(() -> new Drift("main", 3, -5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("drift-threshold"));
        assertThat(new Drift("main", 11, 10).exceeded()).isTrue();
        assertThat(new Drift("main", 10, 10).exceeded()).isFalse();
    }

    @Test
    void htmlEscapesEveryTextAndUsesOnlyFragmentTags() {
        String hostile = "<script>alert(\"x\")</script><img src=x onerror='y'>&amp;";
        List<HasMetadata> mine = List.of(hostileResource(hostile, "on"));
        List<HasMetadata> theirs = List.of(hostileResource(hostile, "off"));

        String html = ChangeReportHtml.render(ChangeReporter.compare(mine, theirs, hostile).withDrift(new Drift(hostile, 90, 5)));

        assertThat(html).doesNotContain("<script", "<img", "onerror='", "\"x\"")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;&amp;amp;");
        assertThat(tags(html)).isSubsetOf(FRAGMENT_TAGS);
    }

    @Test
    void htmlTableHasOneRowPerDifference() {
        branch.removeIf(r -> r.getMetadata().getName().equals("redis-cart"));

        String html = ChangeReportHtml.render(ChangeReporter.compare(branch, main));

        assertThat(html).contains("<tr><td>Deployment/redis-cart</td><td>removed</td><td></td></tr>",
                "<tr><td>Service/redis-cart</td><td>removed</td><td></td></tr>");
        assertThat(Pattern.compile("<tr><td>").matcher(html).results().count()).isEqualTo(2);
    }

    private static GenericKubernetesResource hostileResource(String name, String value) {
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion("example.com/v1");
        resource.setKind("Widget");
        resource.setMetadata(new ObjectMetaBuilder().withName(name).build());
        resource.setAdditionalProperty("spec", Map.of(name, value));
        return resource;
    }

    private static Set<String> tags(String html) {
        Matcher tag = Pattern.compile("</?([a-zA-Z][a-zA-Z0-9]*)").matcher(html);
        return tag.results().map(m -> m.group(1).toLowerCase()).collect(Collectors.toSet());
    }
}

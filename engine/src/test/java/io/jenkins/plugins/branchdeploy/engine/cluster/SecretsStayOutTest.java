package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret values that look like ordinary words, and a multi-line one, through a deploy, an unchanged
 * redeploy, a rotation, failed deploys, refusals and a teardown: none of them, nor their base64
 * form, appears in any progress message, result, exception, record on the cluster or file.
 */
class SecretsStayOutTest {

    private static final String WORD = "marmalade";
    private static final String ROTATED = "periwinkle";
    private static final String MULTI_LINE = "-----BEGIN PRIVATE KEY-----\nquokka-lantern-47\nzephyr tangerine\n-----END PRIVATE KEY-----\n";
    /** What must never show: every value, every line of the multi-line one, and their base64 forms. */
    private static final List<String> NEEDLES = Stream.of(WORD, ROTATED, MULTI_LINE, "quokka-lantern-47", "zephyr tangerine")
            .flatMap(v -> Stream.of(v, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))))
            .toList();

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef branch = BranchRef.of("shop", "feature/cart");
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = seen::add;
    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);

    @TempDir
    Path dir;


    @Test
    void noSecretValueShowsAnywhere() throws IOException {
        String namespace = naming.names(branch).namespace();
        DeployRequest first = request(WORD, Duration.ofSeconds(30));
        seen.add(first.toString());
        deploy(first);
        deploy(first);
        deploy(request(ROTATED, Duration.ofSeconds(30)));

        sandbox.cluster().faults().failOnce("PATCH", "/api/v1/namespaces/" + namespace + "/secrets", 403,
                "secrets \"shop-db\" is forbidden: User \"ci\" cannot patch resource \"secrets\"");
        deploy(request(WORD, Duration.ofSeconds(30)));
        sandbox.cluster().faults().failOnce("PATCH", "/api/v1/namespaces/" + namespace + "/secrets", 500, "etcdserver: leader changed")
                .disconnectOnce("PATCH", "/api/v1/namespaces/" + namespace + "/secrets");
        deploy(request(ROTATED, Duration.ofSeconds(30)));
        sandbox.cluster().workloads().neverReady("catalog");
        deploy(request(WORD, Duration.ofSeconds(1)));

        refused(() -> sandbox.environments().deploys().deploy(DeployRequest.builder(branch, BranchEnvironmentsTest.SHOP)
                .variables(Map.of("IMAGE_TAG", "1"))
                .secrets(List.of(new SecretEntry("shop-db", "password", WORD), new SecretEntry("shop-db", "password", ROTATED)))
                .build(), progress));
        sandbox.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop-main").endMetadata().build()).create();
        refused(() -> sandbox.environments().deploys().deploy(DeployRequest.builder(BranchRef.of("shop", "main"), BranchEnvironmentsTest.SHOP)
                .variables(Map.of("IMAGE_TAG", "1"))
                .secrets(List.of(new SecretEntry("shop-db", "password", MULTI_LINE))).build(), progress));

        sandbox.environments().inventory().all().forEach(e -> seen.add(e.toString()));
        seen.add(sandbox.environments().lifecycle().teardown(EnvironmentRef.of(branch), progress).toString());

        assertThat(seen).hasSizeGreaterThan(20);
        for (HasMetadata namespaceRecord : sandbox.client().namespaces().list().getItems()) {
            seen.add(sandbox.client().getKubernetesSerialization().asJson(namespaceRecord));
        }
        sandbox.cluster().requests().all().forEach(r -> seen.add(r.toString()));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                seen.add(Files.readString(file));
            }
        }
        for (String needle : NEEDLES) {
            assertThat(seen).as("nothing shows %s", needle).noneSatisfy(text -> assertThat(text).contains(needle));
        }
    }

    private void deploy(DeployRequest request) {
        seen.add(sandbox.environments().deploys().deploy(request, progress).toString());
    }

    private void refused(Runnable deploy) {
        assertThatThrownBy(deploy::run).satisfies(e -> {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            seen.add(trace.toString());
        });
    }

    private DeployRequest request(String password, Duration timeout) {
        List<SecretEntry> secrets = new ArrayList<>(List.of(new SecretEntry("shop-db", "password", password),
                new SecretEntry("signing", "key.pem", MULTI_LINE)));
        return DeployRequest.builder(branch, BranchEnvironmentsTest.SHOP).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(secrets).ttl(Duration.ofDays(3)).timeout(timeout).build();
    }
}

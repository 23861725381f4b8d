package io.jenkins.plugins.branchdeploy.engine.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployRequestTest {

    private static final BranchRef BRANCH = BranchRef.of("shop", "feature/cart");
    private static final Path MANIFESTS = Path.of("k8s");

    @Test
    void componentsNotSetTakeTheirDefaults() {
        DeployRequest request = DeployRequest.builder(BRANCH, MANIFESTS).build();

        assertThat(request.variables()).isEmpty();
        assertThat(request.secrets()).isEmpty();
        assertThat(request.quota()).isEqualTo(Quota.DEFAULT);
        assertThat(request.ttl()).isEqualTo(DeployRequest.DEFAULT_TTL);
        assertThat(request.timeout()).isEqualTo(DeployRequest.DEFAULT_TIMEOUT);
        assertThat(request.source()).isEqualTo(SourceOptions.DETECT);
        assertThat(request.networkIsolation()).isEqualTo(NetworkIsolation.DEFAULT);
        assertThat(request.keepLoadBalancers()).isFalse();
        assertThat(request.sourceNamespace()).isNull();
        assertThat(request.deployedBy()).isNull();
        assertThat(request.exposure()).isNull();
        assertThat(request.databaseBranch()).isNull();
    }

    private static final ApplyWith ARGO_CD = ApplyWith.ArgoCd.of(null, null, "https://git.example.com/shop.git", "deploy", null,
            null, "main", null, null);

    @Test
    void aDatabaseBranchKeepsEverythingElse() {
        DeployRequest request = DeployRequest.builder(BRANCH, MANIFESTS).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).quota(new Quota("1", "1Gi", 5))
                .ttl(Duration.ofDays(3)).timeout(Duration.ofSeconds(30)).sourceNamespace("shop").deployedBy("shop#7")
                .exposure(Exposure.of("expose", "web:8080")).keepLoadBalancers(true).networkIsolation(NetworkIsolation.NONE)
                .webhooks(Webhooks.of("webhooks", "api:8080")).applyWith(ARGO_CD).build();
        List<SecretEntry> withDatabase = List.of(new SecretEntry("database", "url", "postgresql://db/cart"));

        DeployRequest branched = request.withDatabaseBranch("shop_cart", withDatabase);

        assertThat(branched).isEqualTo(new DeployRequest(request.branch(), request.manifests(), request.variables(),
                withDatabase, request.quota(), request.ttl(), request.timeout(), request.sourceNamespace(),
                request.deployedBy(), request.exposure(), true, request.source(), NetworkIsolation.NONE, "shop_cart",
                request.webhooks(), ARGO_CD));
        assertThat(request.toBuilder().build()).isEqualTo(request);
    }
}

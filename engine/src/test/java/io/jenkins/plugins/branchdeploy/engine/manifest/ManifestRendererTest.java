package io.jenkins.plugins.branchdeploy.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestRendererTest {

    static final Path SHOP = Path.of("../docs/examples/shop");
    static final Path MICROSERVICES_DEMO = Path.of("src/test/resources/manifests/microservices-demo");
    static final Path PODINFO = Path.of("src/test/resources/manifests/podinfo-webapp");

    private final BranchRef branch = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");
    private final EnvironmentNames names = NamingPolicy.withDefaults("preview.example.dev").names(branch);

    @TempDir
    Path dir;

    @Test
    void rendersTheExampleShopIntoTheEnvironmentNamespace() {
        List<RenderedManifest> rendered = renderer(Map.of("IMAGE_TAG", "1.4.2"), null).render(SHOP, names.namespace());

        assertThat(rendered).extracting(RenderedManifest::kindAndName).containsExactly(
                "Deployment/cart", "Service/cart", "Deployment/catalog", "Service/catalog", "ConfigMap/shop-config",
                "StatefulSet/database", "Service/database", "Deployment/frontend", "Service/frontend",
                "Ingress/shop", "Certificate/shop-tls", "ServiceMonitor/shop");
        assertThat(rendered).allSatisfy(m -> assertThat(m.resource().getMetadata().getNamespace()).isEqualTo(names.namespace()));
        ConfigMap config = resource(rendered, "ConfigMap/shop-config", ConfigMap.class);
        assertThat(config.getData()).containsEntry("BRANCH", "feature/cart").containsEntry("PUBLIC_URL", names.url());
        Ingress ingress = resource(rendered, "Ingress/shop", Ingress.class);
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo(names.host());
        assertThat(resource(rendered, "Deployment/frontend", Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage()).isEqualTo("ghcr.io/example/shop-frontend:1.4.2");
        assertThat(rendered).filteredOn(RenderedManifest::isCustomResource).extracting(RenderedManifest::kindAndName)
                .containsExactly("Certificate/shop-tls", "ServiceMonitor/shop");
        Object dnsNames = resource(rendered, "Certificate/shop-tls", GenericKubernetesResource.class).get("spec", "dnsNames");
        assertThat(dnsNames).isEqualTo(List.of(names.host()));
        assertThat(rendered.get(0).origin()).isEqualTo("cart.yaml, document 1");
    }

    @Test
    void theHeadStartRendersItsCommonKindsWithoutComplaint() {
        assertThatCode(ManifestDocuments::headStart).doesNotThrowAnyException();
    }

    @Test
    void rendersTheRealMicroservicesDemoLeavingShellVariablesOfContainerScriptsAlone() {
        List<RenderedManifest> rendered = renderer(Map.of(), null).render(MICROSERVICES_DEMO, names.namespace());

        assertThat(rendered).hasSize(35);
        assertThat(rendered).filteredOn(m -> m.kind().equals("Deployment")).hasSize(12);
        Deployment loadgenerator = resource(rendered, "Deployment/loadgenerator", Deployment.class);
        assertThat(loadgenerator.getSpec().getTemplate().getSpec().getInitContainers().get(0).getCommand())
                .anySatisfy(line -> assertThat(line).contains("http://${FRONTEND_ADDR}").contains("${STATUSCODE}"));
    }

    @Test
    void refusesThePodinfoManifestsWithoutSourceNamespaceNamingFileAndDocument() {
        assertThatThrownBy(() -> renderer(Map.of(), null).render(PODINFO, names.namespace()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("manifests: backend/deployment.yaml, document 1 (Deployment/backend) names namespace 'webapp'; "
                        + "remove metadata.namespace, or set sourceNamespace to webapp if all the manifests are written for it");
    }

    @Test
    void reHomesThePodinfoManifestsFromTheirSourceNamespace() {
        List<RenderedManifest> rendered = renderer(Map.of(), "webapp").render(PODINFO, names.namespace());

        assertThat(rendered).extracting(RenderedManifest::kindAndName).doesNotContain("Namespace/webapp")
                .contains("Deployment/backend", "Deployment/frontend", "HorizontalPodAutoscaler/backend",
                        "Role/reconciler", "RoleBinding/reconciler", "ServiceAccount/webapp");
        assertThat(rendered).allSatisfy(m -> assertThat(m.resource().getMetadata().getNamespace()).isEqualTo(names.namespace()));
        RoleBinding binding = resource(rendered, "RoleBinding/reconciler", RoleBinding.class);
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> assertThat(s.getNamespace()).isEqualTo(names.namespace()));
    }

    @Test
    void anUndefinedPlaceholderNamesFileDocumentAndVariable() throws IOException {
        write("app/web.yaml", configMap("a", "x") + "---\n" + configMap("b", "${TAG}"));

        assertThatThrownBy(() -> renderer(Map.of(), null).render(dir, names.namespace()))
                .hasMessage("manifests: app/web.yaml, document 2 (ConfigMap/b): ${TAG} is not defined; "
                        + "add the variable (--var TAG=VALUE), or write $${TAG} to keep the text");
        assertThat(renderer(Map.of("TAG", "7"), null).render(dir, names.namespace()))
                .extracting(m -> ((ConfigMap) m.resource()).getData().get("value")).containsExactly("x", "7");
    }

    @Test
    void anEscapedPlaceholderIsKeptAsText() throws IOException {
        write("web.yaml", configMap("a", "$${TAG} for ${ENVIRONMENT}"));

        assertThat(((ConfigMap) renderer(Map.of(), null).render(dir, names.namespace()).get(0).resource()).getData())
                .containsEntry("value", "${TAG} for " + names.environment());
    }

    @Test
    void commitIsAPlaceholderOnlyWhenTheCommitIsKnown() throws IOException {
        write("web.yaml", configMap("a", "${COMMIT}"));
        BranchRef noCommit = BranchRef.of("shop", "feature/cart");

        assertThat(((ConfigMap) renderer(Map.of(), null).render(dir, "ns").get(0).resource()).getData()).containsEntry("value", "4f2a9c1");
        assertThatThrownBy(() -> new ManifestRenderer(ManifestVariables.forEnvironment(noCommit, names, Map.of()), null).render(dir, "ns"))
                .hasMessageContaining("${COMMIT} is the deployed commit, which was not given");
    }

    @Test
    void refusesClusterScopedKindsAndOtherNamespaces() throws IOException {
        write("rbac.yaml", configMap("a", "x") + """
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: admin-everywhere
                rules: []
                """);
        assertThatThrownBy(() -> renderer(Map.of(), null).render(dir, "ns"))
                .hasMessageStartingWith("manifests: rbac.yaml, document 2 (ClusterRole/admin-everywhere): ClusterRole is cluster-scoped");

        Path other = write("other/cm.yaml", configMap("a", "x").replace("name: a", "name: a\n  namespace: kube-system"));
        assertThatThrownBy(() -> renderer(Map.of(), null).render(other, "ns"))
                .hasMessageStartingWith("manifests: cm.yaml, document 1 (ConfigMap/a) names namespace 'kube-system'");
    }

    @Test
    void refusesDuplicatesBrokenYamlAndDocumentsThatAreNotObjects() throws IOException {
        write("a.yaml", configMap("same", "1"));
        write("b.yaml", configMap("same", "2"));
        assertThatThrownBy(() -> renderer(Map.of(), null).render(dir, "ns"))
                .hasMessage("manifests: b.yaml, document 1 (ConfigMap/same) is defined twice, also in a.yaml, document 1; keep one of them");

        Path broken = write("broken/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n");
        assertThatThrownBy(() -> renderer(Map.of(), null).render(broken, "ns")).hasMessageStartingWith("manifests: x.yaml is not valid YAML at line");

        Path nameless = write("nameless/x.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: {}\n");
        assertThatThrownBy(() -> renderer(Map.of(), null).render(nameless, "ns")).hasMessage("manifests: x.yaml, document 1 (ConfigMap) has no metadata.name; give it a name");
    }

    @Test
    void expandsListsAndSkipsEmptyDocuments() throws IOException {
        write("list.yaml", "# only a comment\n---\napiVersion: v1\nkind: List\nitems:\n"
                + "- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n");
        assertThat(renderer(Map.of(), null).render(dir, "ns")).extracting(RenderedManifest::kindAndName).containsExactly("ConfigMap/a", "ConfigMap/b");
    }

    @Test
    void userVariablesCannotRedefineBuiltInsOrHaveBadNames() {
        assertThatThrownBy(() -> ManifestVariables.forEnvironment(branch, names, Map.of("HOST", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessage("variables: HOST is built in and cannot be redefined; choose another name");
        assertThatThrownBy(() -> ManifestVariables.forEnvironment(branch, names, Map.of("IMAGE-TAG", "x")))
                .hasMessageStartingWith("variables: 'IMAGE-TAG' is not a variable name");
    }

    @Test
    void aMissingDirectoryOrOneWithoutManifestsIsBadInput() throws IOException {
        assertThatThrownBy(() -> renderer(Map.of(), null).render(dir.resolve("nope"), "ns")).hasMessageEndingWith("does not exist; give the directory or file of Kubernetes manifests");
        write("notes.txt", "hello");
        assertThatThrownBy(() -> renderer(Map.of(), null).render(dir, "ns")).hasMessageContaining("holds no .yaml, .yml or .json file; give the directory");
    }

    private ManifestRenderer renderer(Map<String, String> variables, String sourceNamespace) {
        return new ManifestRenderer(ManifestVariables.forEnvironment(branch, names, variables), sourceNamespace);
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.getParent();
    }

    private static String configMap(String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  value: \"" + value + "\"\n";
    }

    private static <T> T resource(List<RenderedManifest> rendered, String kindAndName, Class<T> type) {
        return type.cast(rendered.stream().filter(m -> m.kindAndName().equals(kindAndName)).findFirst().orElseThrow().resource());
    }
}

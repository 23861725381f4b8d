package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.argocd.ApplicationState;
import io.jenkins.plugins.branchdeploy.engine.argocd.ArgoCdApplication;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestRenderer;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The apply step of a deploy handed to Argo CD: checks, before anything is written, that the cluster
 * has Argo CD's {@code Application} kind and namespace and that no other installation's Application
 * has the environment's name; then records the Application on the namespace, applies it, and waits
 * until Argo CD synced it to the revision and reports it healthy. Branch Deploy still writes the
 * namespace, quota, limit range, NetworkPolicy, Secrets and the exposure's and webhooks' routes itself.
 */
final class ArgoCdHandOff {

    private final KubernetesClient client;
    private final ApiCalls api;
    private final String installation;
    private final DeployRequest request;
    private final ApplyWith.ArgoCd argoCd;
    private final EnvironmentNames names;
    private final ArgoCdApplications application;
    private final Duration pollEvery;
    private final Duration progressEvery;
    private final GenericKubernetesResource built;

    /** The hand-off of a request that asks Argo CD to apply it, else {@code null}. */
    static ArgoCdHandOff of(EnvironmentAccess access, DeployRequest request, EnvironmentNames names) {
        return request.applyWith() instanceof ApplyWith.ArgoCd ? new ArgoCdHandOff(access.client(), access.api(), access.installation(),
                access.owner(), request, names, access.pollEvery(), access.progressEvery()) : null;
    }

    /**
     * @param request a request with {@link ApplyWith.ArgoCd}
     * @param owner the project deploying, or {@code null}
     */
    private ArgoCdHandOff(KubernetesClient client, ApiCalls api, String installation, String owner, DeployRequest request, EnvironmentNames names,
            Duration pollEvery, Duration progressEvery) {
        this.client = client;
        this.api = api;
        this.installation = installation;
        this.request = request;
        this.argoCd = (ApplyWith.ArgoCd) request.applyWith();
        this.names = names;
        this.application = new ArgoCdApplications(argoCd.namespace(), names.namespace());
        this.pollEvery = pollEvery;
        this.progressEvery = progressEvery;
        this.built = build(owner);
    }

    /**
     * Refuses a direct deploy of an environment Argo CD applies: both would write its workloads.
     *
     * @throws InvalidInputException naming {@value ApplyWith#FIELD}
     */
    static void refuseDirectOver(Namespace live) {
        ArgoCdApplications recorded = ArgoCdApplications.recordedOn(live);
        if (recorded != null) {
            throw new InvalidInputException(ApplyWith.FIELD, "namespace " + live.getMetadata().getName()
                    + " is applied by Argo CD (Application " + recorded.describe() + "); deploy it with "
                    + ApplyWith.ARGOCD_NAME + ", or tear it down before deploying it " + ApplyWith.DIRECT_NAME);
        }
    }

    /**
     * The checks of a request that need no cluster: what a direct deploy would do and Argo CD cannot.
     *
     * @throws InvalidInputException for plain YAML with placeholders, and for Helm tests
     */
    static void checkRequest(DeployRequest request) {
        Map<String, Set<String>> placeholders = ManifestRenderer.placeholdersIn(request.manifests(), request.source());
        if (!placeholders.isEmpty()) {
            Map.Entry<String, Set<String>> first = placeholders.entrySet().iterator().next();
            throw new InvalidInputException("manifests", "Argo CD applies plain YAML as written, and " + first.getKey() + " has "
                    + String.join(", ", first.getValue().stream().map(p -> "${" + p + "}").toList())
                    + ", which only a direct deploy substitutes; use a Helm chart or a Kustomize overlay, or apply with "
                    + ApplyWith.DIRECT_NAME);
        }
        ArgoCdApplication.refuseUnmapped(request.source());
    }

    /**
     * The checks before the first write that read the cluster.
     *
     * @throws InvalidInputException when Argo CD's kind or namespace is missing
     * @throws ForeignApplicationException when an Application of the environment's name is not this installation's
     */
    void check(CustomKinds kinds, ProgressListener progress) {
        if (kinds.definitionOf(ArgoCdApplication.API_VERSION, ArgoCdApplication.KIND, progress) == null) {
            throw new InvalidInputException("argocdNamespace", "the cluster has no Argo CD Application kind ("
                    + ArgoCdApplication.API_VERSION + "); install Argo CD, or apply with " + ApplyWith.DIRECT_NAME);
        }
        if (api.call("read namespace " + argoCd.namespace(), progress, () -> client.namespaces().withName(argoCd.namespace()).get()) == null) {
            throw new InvalidInputException("argocdNamespace", "namespace " + argoCd.namespace()
                    + " does not exist; give the namespace Argo CD watches for Applications");
        }
        GenericKubernetesResource live = application.read(client, api, progress);
        if (live != null && !ArgoCdApplications.isOwnedBy(live, installation)) {
            throw new ForeignApplicationException(application.namespace(), application.name(), installation);
        }
    }

    /** The Application this deploy applies; part of the deploy's fingerprint, so that an unchanged one writes nothing. */
    GenericKubernetesResource application() {
        return built;
    }

    /** The Application: the environment's labels, and the branch, change, commit and owner annotations. */
    private GenericKubernetesResource build(String owner) {
        BranchRef branch = request.branch();
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(ClusterContract.BRANCH, branch.branch());
        branch.changeRequest().ifPresent(c -> annotations.put(ClusterContract.CHANGE, String.valueOf(c.number())));
        if (branch.commit() != null) {
            annotations.put(ClusterContract.COMMIT, branch.commit());
        }
        if (owner != null) {
            annotations.put(ClusterContract.OWNER, owner);
        }
        ManifestSource source = request.source().source() != null ? request.source().source() : ManifestSource.detect(request.manifests());
        return ArgoCdApplication.of(argoCd, names, source, request.source(), EnvironmentNamespace.labels(names, installation), annotations);
    }

    /**
     * What a deploy applies itself of the shaped manifests: all of them, or with Argo CD only what shaping added with
     * the deploy's own labels (the exposure's route, the webhook routes); Argo CD applies what the repository holds.
     */
    static List<RenderedManifest> appliedHere(List<RenderedManifest> manifests, ArgoCdHandOff handOff) {
        return handOff == null ? manifests : manifests.stream().filter(ArgoCdHandOff::isOwn).toList();
    }

    /** Everything the environment holds: what the deploy applies itself, and what it hands to Argo CD. */
    static List<HasMetadata> environment(List<HasMetadata> appliedHere, List<RenderedManifest> manifests, ArgoCdHandOff handOff) {
        if (handOff == null) {
            return appliedHere;
        }
        List<HasMetadata> all = new ArrayList<>(appliedHere);
        manifests.stream().filter(m -> !isOwn(m)).forEach(m -> all.add(m.resource()));
        return all;
    }

    private static boolean isOwn(RenderedManifest manifest) {
        Map<String, String> labels = manifest.resource().getMetadata().getLabels();
        return labels != null && labels.equals(EnvironmentResources.ownLabels());
    }

    /** Records the Application on the namespace, applies it and waits for Argo CD; throws {@link DeployFailure} naming Argo CD's verdict. */
    void handOff(Duration timeout, ProgressListener progress) {
        Namespace record = new NamespaceBuilder().withNewMetadata().withName(application.name())
                .addToAnnotations(ClusterContract.ARGOCD_APPLICATION, application.describe()).endMetadata().build();
        api.run("record the Argo CD Application on namespace " + application.name(), progress, () -> client.resource(record)
                .fieldManager(ClusterContract.ARGOCD_FIELD_MANAGER).forceConflicts().serverSideApply());
        api.run("apply Argo CD Application " + application.describe(), progress, () -> client.resource(built)
                .fieldManager(ClusterContract.FIELD_MANAGER).forceConflicts().serverSideApply());
        progress.info("Handed " + application.name() + " to Argo CD: Application " + application.describe() + " syncs "
                + argoCd.repoUrl() + " " + argoCd.repoPath() + " at " + argoCd.revision());
        await(timeout, progress);
    }

    private void await(Duration timeout, ProgressListener progress) {
        progress.info("Waiting for Argo CD to sync to " + argoCd.revision() + " and report the application healthy (timeout "
                + timeout.toSeconds() + " s)");
        long started = System.nanoTime();
        long lastReport = started;
        while (true) {
            GenericKubernetesResource live = application.read(client, api, progress);
            if (live == null) {
                throw new DeployFailure("Argo CD Application " + application.describe() + " was deleted while the deploy waited for it");
            }
            ApplicationState state = ApplicationState.of(live);
            if (state.done(argoCd)) {
                progress.info("Argo CD synced " + application.describe() + " to " + state.revision() + " and reports it Healthy");
                return;
            }
            Optional<String> failure = state.failure(argoCd);
            if (failure.isPresent()) {
                throw new DeployFailure(failure.get());
            }
            long now = System.nanoTime();
            if (Duration.ofNanos(now - started).compareTo(timeout) >= 0) {
                throw new DeployFailure("timed out after " + timeout.toSeconds() + " s waiting for Argo CD to sync Application "
                        + application.describe() + " to " + argoCd.revision() + ": " + state.describe());
            }
            if (Duration.ofNanos(now - lastReport).compareTo(progressEvery) >= 0) {
                progress.info("Argo CD: " + state.describe());
                lastReport = now;
            }
            ArgoCdApplications.pause(pollEvery, "Argo CD's sync");
        }
    }
}

package io.jenkins.plugins.branchdeploy.engine.argocd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Argo CD {@code Application} of one environment: named as the environment's namespace, in
 * Argo CD's namespace and project; its source the repository path at the deployed revision (a
 * chart's values files and values as {@code source.helm}, an overlay re-homed with
 * {@code source.kustomize.namespace}); its destination the environment's namespace, which Branch
 * Deploy makes ({@code CreateNamespace=false}); automated sync with prune; deleted with
 * {@link #FINALIZER}, so that Argo CD removes what it applied first.
 */
public final class ArgoCdApplication {

    public static final String API_VERSION = "argoproj.io/v1alpha1";
    public static final String KIND = "Application";
    public static final String FINALIZER = "resources-finalizer.argocd.argoproj.io";

    private ArgoCdApplication() {}

    /**
     * @param source what the manifests are (never {@code null}: detected by the caller)
     * @param options a chart's values; Helm tests are refused (Argo CD does not run them); its values files
     *     are Argo CD's as {@link ApplyWith.ArgoCd#valueFiles} gives them
     * @param labels the cluster contract's labels of the environment
     * @param annotations the cluster contract's annotations of the environment
     * @throws InvalidInputException for Helm tests
     */
    public static GenericKubernetesResource of(ApplyWith.ArgoCd argoCd, EnvironmentNames names, ManifestSource source,
            SourceOptions options, Map<String, String> labels, Map<String, String> annotations) {
        refuseUnmapped(options);
        Map<String, Object> sourceSpec = new LinkedHashMap<>();
        sourceSpec.put("repoURL", argoCd.repoUrl());
        sourceSpec.put("path", argoCd.repoPath());
        sourceSpec.put("targetRevision", argoCd.revision());
        if (source == ManifestSource.HELM) {
            sourceSpec.put("helm", helm(argoCd, names, options));
        } else if (source == ManifestSource.KUSTOMIZE) {
            sourceSpec.put("kustomize", ordered("namespace", names.namespace()));
        }
        Map<String, Object> destination = new LinkedHashMap<>();
        destination.put(argoCd.destinationIsServer() ? "server" : "name", argoCd.destination());
        destination.put("namespace", names.namespace());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("project", argoCd.project());
        spec.put("source", sourceSpec);
        spec.put("destination", destination);
        Map<String, Object> syncPolicy = ordered("automated", ordered("prune", true));
        syncPolicy.put("syncOptions", List.of("CreateNamespace=false"));
        spec.put("syncPolicy", syncPolicy);

        GenericKubernetesResource application = new GenericKubernetesResource();
        application.setApiVersion(API_VERSION);
        application.setKind(KIND);
        application.setMetadata(new ObjectMetaBuilder().withName(names.namespace()).withNamespace(argoCd.namespace())
                .withLabels(labels).withAnnotations(annotations).withFinalizers(FINALIZER).build());
        application.setAdditionalProperty("spec", spec);
        return application;
    }

    /**
     * Refuses what a deploy would do and Argo CD does not: a chart's Helm tests.
     *
     * @throws InvalidInputException naming {@code helmTests}
     */
    public static void refuseUnmapped(SourceOptions options) {
        if (options.helmTests()) {
            throw new InvalidInputException("helmTests", "Argo CD does not run a chart's Helm tests; leave them out, or apply with "
                    + ApplyWith.DIRECT_NAME);
        }
    }

    private static Map<String, Object> helm(ApplyWith.ArgoCd argoCd, EnvironmentNames names, SourceOptions options) {
        Map<String, Object> helm = new LinkedHashMap<>();
        helm.put("releaseName", names.helmRelease());
        if (!argoCd.valueFiles().isEmpty()) {
            helm.put("valueFiles", argoCd.valueFiles());
        }
        if (!options.set().isEmpty()) {
            List<Map<String, Object>> parameters = new ArrayList<>();
            options.set().forEach((name, value) -> {
                Map<String, Object> parameter = ordered("name", name);
                parameter.put("value", value);
                parameters.add(parameter);
            });
            helm.put("parameters", parameters);
        }
        return helm;
    }

    /** A map that keeps its order, so that the Application's fingerprint is the same in every process. */
    private static Map<String, Object> ordered(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }
}

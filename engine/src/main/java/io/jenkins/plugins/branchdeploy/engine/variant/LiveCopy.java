package io.jenkins.plugins.branchdeploy.engine.variant;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a source environment's live resources become in a variant, before the overrides: what the
 * API server added dropped (status, ids, managed fields, owner references, assigned cluster IPs and
 * node ports, a bound volume), re-homed into the variant's namespace, the source's host and
 * namespace wherever its specs and config name them moved to the variant's (an Ingress's or
 * HTTPRoute's hosts, a certificate's names, a URL in an environment variable), a scaled-down workload back at the replica count it had before. Pure: reads and
 * writes nothing.
 */
final class LiveCopy {

    /** Metadata the API server writes and a new object must not carry. */
    private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "creationTimestamp", "generation",
            "managedFields", "ownerReferences", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds", "namespace",
            "finalizers");
    /** Annotations a controller or client writes on its own. */
    private static final List<String> SERVER_ANNOTATIONS = List.of("deployment.kubernetes.io/revision",
            "kubectl.kubernetes.io/last-applied-configuration", ClusterContract.REPLICAS);
    /** Labels the Job controller adds to a Job and its template, tied to the source Job's id. */
    private static final List<String> JOB_CONTROLLER_LABELS = List.of("controller-uid", "batch.kubernetes.io/controller-uid",
            "job-name", "batch.kubernetes.io/job-name");

    private LiveCopy() {}

    /**
     * @param sourceHost the source's host (from its URL), moved to the variant's wherever the copy
     *        names it; {@code null} when the source has none
     */
    static List<ObjectTree> of(List<HasMetadata> live, String sourceNamespace, String sourceHost, EnvironmentNames variant) {
        List<Rename> renames = new ArrayList<>();
        if (sourceHost != null) {
            renames.add(Rename.host(sourceHost, variant.host()));
        }
        renames.add(Rename.namespace(sourceNamespace, variant.namespace()));
        List<ObjectTree> copies = new ArrayList<>(live.size());
        for (HasMetadata resource : live) {
            ObjectTree copy = ObjectTree.of(resource);
            Map<String, Object> root = copy.root();
            root.remove("status");
            Map<String, Object> metadata = ObjectTree.map(root, "metadata");
            SERVER_METADATA.forEach(metadata::remove);
            Map<String, Object> annotations = ObjectTree.map(metadata, "annotations");
            restoreReplicas(root, annotations.get(ClusterContract.REPLICAS));
            SERVER_ANNOTATIONS.forEach(annotations::remove);
            if (annotations.isEmpty()) {
                metadata.remove("annotations");
            }
            switch (copy.kind()) {
                case "Service" -> unassign(ObjectTree.map(root, "spec"));
                case "PersistentVolumeClaim" -> ObjectTree.map(root, "spec").remove("volumeName");
                case "Job" -> unlabelJob(root);
                default -> { }
            }
            if (!"Secret".equals(copy.kind())) { // a Secret's values are copied as they are, never read
                moved(ObjectTree.map(root, "spec"), renames);
                moved(ObjectTree.map(root, "data"), renames);
            }
            copies.add(copy);
        }
        return copies;
    }

    private static void restoreReplicas(Map<String, Object> root, Object saved) {
        if (saved != null) {
            try {
                ObjectTree.map(root, "spec").put("replicas", Integer.parseInt(saved.toString()));
            } catch (NumberFormatException e) {
                // unreadable: the copy keeps the count it has
            }
        }
    }

    /** What the API server assigns a Service: its cluster IPs and node ports. */
    private static void unassign(Map<String, Object> spec) {
        Object clusterIp = spec.get("clusterIP");
        if (!"None".equals(clusterIp)) { // a headless Service stays headless
            spec.remove("clusterIP");
            spec.remove("clusterIPs");
        }
        ObjectTree.maps(spec, "ports").forEach(port -> port.remove("nodePort"));
        spec.remove("healthCheckNodePort");
    }

    private static void unlabelJob(Map<String, Object> root) {
        Map<String, Object> spec = ObjectTree.map(root, "spec");
        spec.remove("selector");
        spec.remove("manualSelector");
        Map<String, Object> labels = ObjectTree.map(ObjectTree.map(ObjectTree.map(spec, "template"), "metadata"), "labels");
        JOB_CONTROLLER_LABELS.forEach(labels::remove);
    }

    /**
     * Every string of the object that names the source's host (alone, as a subdomain's parent, in a
     * URL) or its namespace (alone, or in a {@code NAMESPACE.svc} address) names the variant's instead:
     * routes, certificates, and environment variables that carry the environment's URL.
     */
    private static Object moved(Object value, List<Rename> renames) {
        if (value instanceof String text) {
            String result = text;
            for (Rename rename : renames) {
                result = rename.apply(result);
            }
            return result;
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entries = (Map<String, Object>) map;
            entries.replaceAll((k, v) -> moved(v, renames));
            return entries;
        }
        if (value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) list;
            items.replaceAll(v -> moved(v, renames));
            return items;
        }
        return value;
    }

    /** One name replaced where it stands as a whole DNS name or label, not inside a longer one. */
    private record Rename(Pattern pattern, String replacement) {

        static Rename host(String from, String to) {
            return new Rename(Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(from) + "(?![a-z0-9-]|\\.[a-z0-9])"),
                    Matcher.quoteReplacement(to));
        }

        static Rename namespace(String from, String to) {
            return new Rename(Pattern.compile("^" + Pattern.quote(from) + "$|(?<![a-z0-9-])" + Pattern.quote(from) + "(?=\\.svc\\b)"),
                    Matcher.quoteReplacement(to));
        }

        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }
}

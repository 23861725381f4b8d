package io.jenkins.plugins.branchdeploy.engine.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An environment's namespace and what the engine records on it (docs/cluster-contract.md): writes the labels
 * and annotations, and reads them back.
 */
final class EnvironmentNamespace {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kubernetes allows 256 KiB of annotations in all; a reason this long is cut. */
    private static final int MAX_RECORDED_REASON = 2000;
    /** The annotations a {@link Record} writes, all under {@link ClusterContract#FIELD_MANAGER}. */
    private static final List<String> RECORD_ANNOTATIONS = List.of(ClusterContract.BRANCH, ClusterContract.CHANGE,
            ClusterContract.COMMIT, ClusterContract.CREATED_AT, ClusterContract.DEPLOYED_AT, ClusterContract.EXPIRES_AT,
            ClusterContract.KEEP_UNTIL, ClusterContract.URL, ClusterContract.STATUS, ClusterContract.STATUS_REASON,
            ClusterContract.APPLIED, ClusterContract.FINGERPRINT, ClusterContract.OWNER, ClusterContract.DEPLOYED_BY,
            ClusterContract.DATABASE_BRANCH, ClusterContract.DEPLOY_DEADLINE, ClusterContract.INPUT_DIGEST, ClusterContract.DEPLOY_NOTES);

    /**
     * Everything recorded on the namespace by one write.
     *
     * @param reason why the deploy failed, or {@code null}
     * @param url the live URL, or {@code null} while unknown
     * @param keepUntil the "extend" annotation as found, carried over unchanged, or {@code null}
     * @param fingerprint the digest of a successful deploy's input, or {@code null}
     * @param input with the fingerprint, what a redeploy given the same input reads instead of rendering; or {@code null}
     * @param owner the owning project, or {@code null} when it has none
     * @param deployedBy the run that deploys, or {@code null} when it names none
     * @param databaseBranch the environment's database branch, or {@code null} when it has none
     * @param deployDeadline while deploying, when the deploy ends at the latest; else {@code null}
     */
    record Record(EnvironmentNames names, String installation, BranchRef branch, EnvironmentStatus status, String reason,
            String url, Instant createdAt, Instant deployedAt, Instant expiresAt, String keepUntil,
            Collection<AppliedResource> applied, String fingerprint, RecordedInput input, String owner, String deployedBy,
            String databaseBranch, Instant deployDeadline) {

        Record withOutcome(EnvironmentStatus newStatus, String newReason, String newUrl,
                Collection<AppliedResource> newApplied, String newFingerprint, RecordedInput newInput) {
            return new Record(names, installation, branch, newStatus, newReason, newUrl, createdAt, deployedAt, expiresAt,
                    keepUntil, newApplied, newFingerprint, newInput, owner, deployedBy, databaseBranch, null);
        }

        Namespace toNamespace() {
            Map<String, String> labels = labels(names, installation);
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put(ClusterContract.BRANCH, branch.branch());
            branch.changeRequest().ifPresent(c -> annotations.put(ClusterContract.CHANGE, String.valueOf(c.number())));
            putIfPresent(annotations, ClusterContract.COMMIT, branch.commit());
            annotations.put(ClusterContract.CREATED_AT, format(createdAt));
            annotations.put(ClusterContract.DEPLOYED_AT, format(deployedAt));
            annotations.put(ClusterContract.EXPIRES_AT, format(expiresAt));
            putIfPresent(annotations, ClusterContract.KEEP_UNTIL, keepUntil);
            putIfPresent(annotations, ClusterContract.URL, url);
            annotations.put(ClusterContract.STATUS, status.value());
            putIfPresent(annotations, ClusterContract.STATUS_REASON, reason);
            annotations.put(ClusterContract.APPLIED, writeApplied(applied));
            putIfPresent(annotations, ClusterContract.FINGERPRINT, fingerprint);
            if (input != null) {
                input.annotate(annotations);
            }
            putIfPresent(annotations, ClusterContract.OWNER, owner);
            putIfPresent(annotations, ClusterContract.DEPLOYED_BY, deployedBy);
            putIfPresent(annotations, ClusterContract.DATABASE_BRANCH, databaseBranch);
            if (deployDeadline != null) {
                annotations.put(ClusterContract.DEPLOY_DEADLINE, format(deployDeadline));
            }
            return new NamespaceBuilder().withNewMetadata().withName(names.namespace())
                    .withLabels(labels).withAnnotations(annotations).endMetadata().build();
        }
    }

    private EnvironmentNamespace() {}

    /** The labels that mark an environment's objects as this installation's (its namespace, its Argo CD Application). */
    static Map<String, String> labels(EnvironmentNames names, String installation) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE);
        labels.put(ClusterContract.INSTALLATION, installation);
        labels.put(ClusterContract.APP, names.app());
        labels.put(ClusterContract.ENVIRONMENT, names.environment());
        return labels;
    }

    /**
     * The record of {@code live} marked failed with {@code reason}, for a failure found after the
     * deploy itself (a smoke test): the same labels and record annotations, status {@code failed},
     * and no fingerprint or input digest, so that the next deploy runs in full. Annotations of other field managers
     * (the history) are left out, and so left alone.
     */
    static Namespace failed(Namespace live, String reason) {
        Map<String, String> annotations = new LinkedHashMap<>();
        for (String key : RECORD_ANNOTATIONS) {
            putIfPresent(annotations, key, annotation(live, key));
        }
        annotations.put(ClusterContract.STATUS, EnvironmentStatus.FAILED.value());
        annotations.put(ClusterContract.STATUS_REASON, recordedReason(reason));
        annotations.remove(ClusterContract.FINGERPRINT);
        annotations.remove(ClusterContract.INPUT_DIGEST);
        annotations.remove(ClusterContract.DEPLOY_NOTES);
        annotations.remove(ClusterContract.DEPLOY_DEADLINE);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of(ClusterContract.MANAGED_BY, ClusterContract.INSTALLATION, ClusterContract.APP,
                ClusterContract.ENVIRONMENT)) {
            putIfPresent(labels, key, live.getMetadata().getLabels().get(key));
        }
        return new NamespaceBuilder().withNewMetadata().withName(live.getMetadata().getName())
                .withLabels(labels).withAnnotations(annotations).endMetadata().build();
    }

    /** Only the {@link ClusterContract#HISTORY} annotation, to apply as {@link ClusterContract#HISTORY_FIELD_MANAGER}. */
    static Namespace history(String namespace, String history) {
        return onlyAnnotation(namespace, ClusterContract.HISTORY, history);
    }

    /** Only one annotation, to apply under that annotation's own field manager. */
    static Namespace onlyAnnotation(String namespace, String key, String value) {
        return new NamespaceBuilder().withNewMetadata().withName(namespace)
                .withAnnotations(Map.of(key, value)).endMetadata().build();
    }

    /** A failure reason as recorded: cut to {@value #MAX_RECORDED_REASON} characters. */
    static String recordedReason(String reason) {
        return reason.length() <= MAX_RECORDED_REASON ? reason : reason.substring(0, MAX_RECORDED_REASON - 1) + "…";
    }

    /** Whether both ownership labels say the namespace belongs to {@code installation}. */
    static boolean isOwnedBy(Namespace namespace, String installation) {
        Map<String, String> labels = namespace.getMetadata().getLabels();
        return labels != null && ClusterContract.MANAGED_BY_VALUE.equals(labels.get(ClusterContract.MANAGED_BY))
                && installation.equals(labels.get(ClusterContract.INSTALLATION));
    }

    /**
     * Refuses a change by {@code caller} to an environment another project owns; an environment
     * without an owner, and a caller acting for no project ({@code null}), pass.
     *
     * @throws EnvironmentOwnedElsewhereException when the owner annotation names another project
     */
    static void refuseOtherOwner(Namespace namespace, String caller) {
        String owner = annotation(namespace, ClusterContract.OWNER);
        if (caller != null && owner != null && !owner.equals(caller)) {
            throw new EnvironmentOwnedElsewhereException(namespace.getMetadata().getName(), owner, caller);
        }
    }

    static boolean isTerminating(Namespace namespace) {
        return namespace.getMetadata().getDeletionTimestamp() != null
                || namespace.getStatus() != null && "Terminating".equals(namespace.getStatus().getPhase());
    }

    static String annotation(Namespace namespace, String key) {
        Map<String, String> annotations = namespace.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    static Instant instant(Namespace namespace, String key) {
        String value = annotation(namespace, key);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static EnvironmentStatus status(Namespace namespace) {
        return EnvironmentStatus.fromValue(annotation(namespace, ClusterContract.STATUS));
    }

    /** What the last deploy recorded as applied; empty when nothing (or nothing readable) is recorded. */
    static Set<AppliedResource> applied(Namespace namespace) {
        Set<AppliedResource> applied = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        String value = annotation(namespace, ClusterContract.APPLIED);
        if (value != null) {
            try {
                JSON.readValue(value, new TypeReference<List<String>>() {}).stream()
                        .map(AppliedResource::parse).filter(Objects::nonNull).forEach(applied::add);
            } catch (JsonProcessingException e) {
                // unreadable: nothing to prune, the next successful deploy records it afresh
            }
        }
        return applied;
    }

    /**
     * The environment a namespace records, as of {@code now}: a deploy still recorded as under way
     * past its deadline reads as {@link EnvironmentStatus#INTERRUPTED}.
     */
    static Environment environmentOf(Namespace namespace, Instant now) {
        EnvironmentStatus recorded = status(namespace);
        Instant deadline = instant(namespace, ClusterContract.DEPLOY_DEADLINE);
        EnvironmentStatus status = recorded == EnvironmentStatus.DEPLOYING && deadline != null && now.isAfter(deadline)
                ? EnvironmentStatus.INTERRUPTED : recorded;
        Map<String, String> labels = namespace.getMetadata().getLabels() == null ? Map.of() : namespace.getMetadata().getLabels();
        return new Environment(
                namespace.getMetadata().getName(),
                labels.get(ClusterContract.APP),
                labels.get(ClusterContract.ENVIRONMENT),
                annotation(namespace, ClusterContract.BRANCH),
                change(annotation(namespace, ClusterContract.CHANGE)),
                annotation(namespace, ClusterContract.COMMIT),
                annotation(namespace, ClusterContract.URL),
                status,
                instant(namespace, ClusterContract.CREATED_AT),
                instant(namespace, ClusterContract.DEPLOYED_AT),
                instant(namespace, ClusterContract.EXPIRES_AT),
                instant(namespace, ClusterContract.KEEP_UNTIL),
                status(namespace) == EnvironmentStatus.SCALED_DOWN
                        ? ScaleDownCause.fromValue(annotation(namespace, ClusterContract.SCALED_DOWN_BY)) : null,
                annotation(namespace, ClusterContract.OWNER),
                annotation(namespace, ClusterContract.DEPLOYED_BY),
                annotation(namespace, ClusterContract.DATABASE_BRANCH),
                variantOf(namespace));
    }

    private static VariantOf variantOf(Namespace namespace) {
        String source = annotation(namespace, ClusterContract.VARIANT_OF);
        return source == null || source.isBlank() ? null : new VariantOf(source, annotation(namespace, ClusterContract.CREATED_BY));
    }

    /**
     * A variant's own record, to apply as {@link ClusterContract#VARIANT_FIELD_MANAGER} before its
     * first deploy: the ownership labels, its origin and the expiry of its time to live, so that even
     * a variant whose deploy never started is found, known as a variant and removed when it expires.
     */
    static Namespace variant(EnvironmentNames names, String installation, VariantOf variant, Instant expiresAt) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE);
        labels.put(ClusterContract.INSTALLATION, installation);
        labels.put(ClusterContract.APP, names.app());
        labels.put(ClusterContract.ENVIRONMENT, names.environment());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(ClusterContract.VARIANT_OF, variant.source());
        putIfPresent(annotations, ClusterContract.CREATED_BY, variant.createdBy());
        annotations.put(ClusterContract.EXPIRES_AT, format(expiresAt));
        return new NamespaceBuilder().withNewMetadata().withName(names.namespace())
                .withLabels(labels).withAnnotations(annotations).endMetadata().build();
    }

    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Integer change(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String writeApplied(Collection<AppliedResource> applied) {
        try {
            return JSON.writeValueAsString(applied.stream().map(AppliedResource::toString).sorted().toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}

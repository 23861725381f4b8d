package io.jenkins.plugins.branchdeploy.engine.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares the branch's resources with main's, resource by resource (kind and name), and field by
 * field for those in both. Works on typed resources and {@code GenericKubernetesResource} alike, live
 * from a namespace or parsed from manifests.
 */
public final class ChangeReporter {

    /** Each group takes its fields out of the trees; {@link OtherFields} reports whatever is left. */
    private static final List<FieldGroup> GROUPS =
            List.of(new PodTemplateFields(), new ServicePortFields(), new DataKeyFields(), new OtherFields());

    private ChangeReporter() {}

    /** Compares with main. */
    public static ChangeReport compare(Collection<? extends HasMetadata> branch, Collection<? extends HasMetadata> main) {
        return compare(branch, main, "main");
    }

    /**
     * Compares with a baseline.
     *
     * @param branch the branch environment's resources
     * @param baseline the resources to compare with
     * @param baselineName what the baseline is, for the report, e.g. {@code namespace production}
     */
    public static ChangeReport compare(Collection<? extends HasMetadata> branch,
            Collection<? extends HasMetadata> baseline, String baselineName) {
        return compare(branch, EnvironmentValues.NONE, baseline, EnvironmentValues.NONE, baselineName);
    }

    /**
     * Compares with a baseline after putting each side's own environment values back into
     * placeholders, in resource names and field values: a field is reported only when it differs
     * with the values as they are and also with them as placeholders.
     *
     * @param branchValues the branch environment's own values
     * @param baselineValues the baseline environment's own values
     */
    public static ChangeReport compare(Collection<? extends HasMetadata> branch, EnvironmentValues branchValues,
            Collection<? extends HasMetadata> baseline, EnvironmentValues baselineValues, String baselineName) {
        Map<ResourceKey, HasMetadata> branchResources = index("branch", branch, branchValues);
        Map<ResourceKey, HasMetadata> baselineResources = index(baselineName, baseline, baselineValues);
        TreeSet<ResourceKey> keys = new TreeSet<>(branchResources.keySet());
        keys.addAll(baselineResources.keySet());
        List<ResourceChange> changes = new ArrayList<>();
        for (ResourceKey key : keys) {
            HasMetadata mine = branchResources.get(key);
            HasMetadata theirs = baselineResources.get(key);
            if (theirs == null) {
                changes.add(new ResourceChange(key, ChangeType.ADDED, List.of()));
            } else if (mine == null) {
                changes.add(new ResourceChange(key, ChangeType.REMOVED, List.of()));
            } else {
                List<FieldChange> fields = fields(key.kind(), theirs, baselineValues, mine, branchValues);
                changes.add(new ResourceChange(key, fields.isEmpty() ? ChangeType.UNCHANGED : ChangeType.CHANGED, fields));
            }
        }
        return new ChangeReport(baselineName, changes, null, null);
    }

    private static List<FieldChange> fields(String kind, HasMetadata main, EnvironmentValues mainValues, HasMetadata branch,
            EnvironmentValues branchValues) {
        List<FieldChange> raw = fields(kind, ResourceTree.of(main), ResourceTree.of(branch));
        if (raw.isEmpty()) {
            return raw;
        }
        Set<String> differing = raw.stream().map(FieldChange::field).collect(Collectors.toSet());
        List<FieldChange> normalised = List.of();
        for (EnvironmentValues mainChoice : mainValues.choices()) {
            for (EnvironmentValues branchChoice : branchValues.choices()) {
                ObjectNode mainTree = ResourceTree.of(main);
                ObjectNode branchTree = ResourceTree.of(branch);
                mainChoice.normalise(mainTree);
                branchChoice.normalise(branchTree);
                normalised = fields(kind, mainTree, branchTree);
                differing.retainAll(normalised.stream().map(FieldChange::field).collect(Collectors.toSet()));
            }
        }
        return normalised.stream().filter(f -> differing.contains(f.field())).toList();
    }

    private static List<FieldChange> fields(String kind, ObjectNode mainTree, ObjectNode branchTree) {
        List<FieldChange> fields = new ArrayList<>();
        GROUPS.forEach(group -> group.compare(kind, mainTree, branchTree, fields));
        return fields;
    }

    private static Map<ResourceKey, HasMetadata> index(String side, Collection<? extends HasMetadata> resources,
            EnvironmentValues values) {
        Map<ResourceKey, HasMetadata> byKey = new TreeMap<>();
        for (HasMetadata resource : resources) {
            if (resource.getKind() == null || resource.getMetadata() == null || resource.getMetadata().getName() == null) {
                throw new InvalidInputException("resources", "a resource of " + side
                        + " has no kind or no metadata.name; every manifest document needs both");
            }
            ResourceKey key = new ResourceKey(resource.getKind(), values.normalise(resource.getMetadata().getName()));
            if (byKey.put(key, resource) != null) {
                throw new InvalidInputException("resources", key + " appears twice in " + side
                        + "; a namespace holds one resource of each kind and name, remove the duplicate");
            }
        }
        return byKey;
    }
}

package io.jenkins.plugins.branchdeploy.engine.report;

import static io.jenkins.plugins.branchdeploy.engine.report.ResourceTree.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of a workload that a reviewer looks at first: replicas, and per container its image,
 * environment variable names (never values), resource requests and limits, and ports.
 */
final class PodTemplateFields implements FieldGroup {

    private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers");
    private static final List<String> RESOURCE_SECTIONS = List.of("requests", "limits");

    @Override
    public void compare(String kind, ObjectNode main, ObjectNode branch, List<FieldChange> changes) {
        Optional<ObjectNode> mainTemplate = PodTemplates.find(kind, main);
        Optional<ObjectNode> branchTemplate = PodTemplates.find(kind, branch);
        if (mainTemplate.isEmpty() || branchTemplate.isEmpty()) {
            return;
        }
        compareValue("replicas", replicas(main), replicas(branch), changes);
        ObjectNode mainPod = (ObjectNode) mainTemplate.get().get("spec");
        ObjectNode branchPod = (ObjectNode) branchTemplate.get().get("spec");
        for (String list : CONTAINER_LISTS) {
            compareContainers(list, mainPod, branchPod, changes);
        }
    }

    private static void compareContainers(String list, ObjectNode mainPod, ObjectNode branchPod, List<FieldChange> changes) {
        Map<String, JsonNode> mainContainers = TreeComparison.items(mainPod.path(list));
        Map<String, JsonNode> branchContainers = TreeComparison.items(branchPod.path(list));
        Set<String> names = new LinkedHashSet<>(mainContainers.keySet());
        names.addAll(branchContainers.keySet());
        ArrayNode mainKept = mainPod.arrayNode();
        ArrayNode branchKept = branchPod.arrayNode();
        for (String name : names) {
            String field = list + "[" + name + "]";
            JsonNode mainContainer = mainContainers.get(name);
            JsonNode branchContainer = branchContainers.get(name);
            if (mainContainer == null || branchContainer == null) {
                changes.add(FieldChange.shown(field, image(mainContainer), image(branchContainer)));
                continue;
            }
            compareContainer(field, (ObjectNode) mainContainer, (ObjectNode) branchContainer, changes);
            mainKept.add(mainContainer);
            branchKept.add(branchContainer);
        }
        // what is left of the containers on both sides goes on to OtherFields
        mainPod.set(list, mainKept);
        branchPod.set(list, branchKept);
    }

    /** Kubernetes runs one replica where none is given; kinds without replicas compare as equal. */
    private static String replicas(ObjectNode tree) {
        String replicas = take(tree.path("spec"), "replicas");
        return replicas == null ? "1" : replicas;
    }

    private static String image(JsonNode container) {
        return container == null ? null : container.path("image").asText(FieldChange.UNSET);
    }

    private static void compareContainer(String field, ObjectNode main, ObjectNode branch, List<FieldChange> changes) {
        compareValue(field + ".image", take(main, "image"), take(branch, "image"), changes);
        NamedEntries.compareHidden(field + ".env",
                NamedEntries.of(main.remove("env"), env -> env.path("name").asText()),
                NamedEntries.of(branch.remove("env"), env -> env.path("name").asText()), changes);
        NamedEntries.compareHidden(field + ".envFrom",
                NamedEntries.of(main.remove("envFrom"), PodTemplateFields::envSource),
                NamedEntries.of(branch.remove("envFrom"), PodTemplateFields::envSource), changes);
        compareResources(field + ".resources", main, branch, changes);
        NamedEntries.compareShown(field + ".ports",
                NamedEntries.of(main.remove("ports"), port -> NamedEntries.portKey(port, "containerPort")),
                NamedEntries.of(branch.remove("ports"), port -> NamedEntries.portKey(port, "containerPort")),
                PodTemplateFields::describePort, changes);
    }

    private static void compareResources(String field, ObjectNode main, ObjectNode branch, List<FieldChange> changes) {
        JsonNode mainResources = main.path("resources");
        JsonNode branchResources = branch.path("resources");
        for (String section : RESOURCE_SECTIONS) {
            JsonNode mainSection = mainResources.path(section);
            JsonNode branchSection = branchResources.path(section);
            Set<String> names = new LinkedHashSet<>();
            mainSection.fieldNames().forEachRemaining(names::add);
            branchSection.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String before = text(mainSection.get(name));
                String after = text(branchSection.get(name));
                if (!sameQuantity(before, after)) {
                    changes.add(FieldChange.shown(field + "." + section + "." + name, before, after));
                }
            }
            take(mainResources, section);
            take(branchResources, section);
        }
    }

    /** {@code 1000m} and {@code 1} are the same CPU; text that is no quantity compares as text. */
    private static boolean sameQuantity(String before, String after) {
        if (before == null || after == null) {
            return Objects.equals(before, after);
        }
        try {
            return new Quantity(before).getNumericalAmount().compareTo(new Quantity(after).getNumericalAmount()) == 0;
        } catch (IllegalArgumentException e) {
            return before.equals(after);
        }
    }

    private static String describePort(JsonNode port) {
        String text = port.path("containerPort").asText() + "/" + port.path("protocol").asText("TCP");
        return port.has("hostPort") ? text + " on host port " + port.get("hostPort").asText() : text;
    }

    /** An {@code envFrom} entry's source, e.g. {@code secret/db} or {@code configMap/settings}. */
    private static String envSource(JsonNode source) {
        return source.has("secretRef")
                ? "secret/" + source.path("secretRef").path("name").asText()
                : "configMap/" + source.path("configMapRef").path("name").asText();
    }

    private static void compareValue(String field, String before, String after, List<FieldChange> changes) {
        if (!Objects.equals(before, after)) {
            changes.add(FieldChange.shown(field, before, after));
        }
    }

    private static String take(JsonNode node, String field) {
        return node instanceof ObjectNode object ? text(object.remove(field)) : null;
    }
}

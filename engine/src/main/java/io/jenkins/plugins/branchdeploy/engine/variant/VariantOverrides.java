package io.jenkins.plugins.branchdeploy.engine.variant;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a variant changes in its copy: a container's image ({@code --image api=IMAGE}, or
 * {@code --image frontend/server=IMAGE} for the container of one workload), a workload's
 * environment variable ({@code --env api:FEATURE=on}), a config value wherever the copy sets it
 * ({@code --set KEY=VALUE}: a ConfigMap's key, a container's literal environment variable). An
 * override that matches nothing in the copy is bad input, found before anything is written.
 *
 * @param images container name, or {@code WORKLOAD/CONTAINER}, to image
 * @param env one entry per {@code --env}
 * @param set config key to value
 */
public record VariantOverrides(Map<String, String> images, List<EnvOverride> env, Map<String, String> set) {

    public static final VariantOverrides NONE = new VariantOverrides(Map.of(), List.of(), Map.of());

    /** One {@code --env WORKLOAD:KEY=VALUE}. */
    public record EnvOverride(String workload, String key, String value) {
        public EnvOverride {
            Objects.requireNonNull(workload, "workload");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    public VariantOverrides {
        images = Map.copyOf(images);
        env = List.copyOf(env);
        set = Map.copyOf(set);
    }

    /**
     * Reads the overrides as users write them.
     *
     * @throws InvalidInputException naming {@code image}, {@code env} or {@code set} for a malformed or repeated entry
     */
    public static VariantOverrides parse(List<String> images, List<String> env, List<String> set) {
        Map<String, String> imageMap = new LinkedHashMap<>();
        for (String text : images) {
            String[] pair = pair("image", text, "CONTAINER=IMAGE or WORKLOAD/CONTAINER=IMAGE, e.g. api=registry.example.dev/shop/api:1.5.0");
            if (imageMap.put(pair[0], pair[1]) != null) {
                throw new InvalidInputException("image", "container " + pair[0] + " is given twice; give each container once");
            }
        }
        List<EnvOverride> envList = new ArrayList<>();
        for (String text : env) {
            String usage = "WORKLOAD:KEY=VALUE, e.g. api:FEATURE_PRICING=on";
            int colon = text == null ? -1 : text.indexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException("env", "'" + text + "' names no workload; write " + usage);
            }
            String[] pair = pair("env", text.substring(colon + 1), usage);
            envList.add(new EnvOverride(text.substring(0, colon).trim(), pair[0], pair[1]));
        }
        Map<String, String> setMap = new LinkedHashMap<>();
        for (String text : set) {
            String[] pair = pair("set", text, "KEY=VALUE, e.g. PRICING_MODE=tiered");
            if (setMap.put(pair[0], pair[1]) != null) {
                throw new InvalidInputException("set", pair[0] + " is given twice; give each key once");
            }
        }
        return new VariantOverrides(imageMap, envList, setMap);
    }

    private static String[] pair(String field, String text, String usage) {
        int equals = text == null ? -1 : text.indexOf('=');
        if (equals <= 0 || text.substring(0, equals).isBlank()) {
            throw new InvalidInputException(field, "'" + text + "' is not " + usage.substring(0, usage.indexOf(',')) + "; write " + usage);
        }
        return new String[] {text.substring(0, equals).trim(), text.substring(equals + 1)};
    }

    /** Whether there is nothing to override. */
    public boolean isEmpty() {
        return images.isEmpty() && env.isEmpty() && set.isEmpty();
    }

    /**
     * Applies every override to the copy.
     *
     * @throws InvalidInputException naming the field when an override matches nothing, with what there is
     */
    void applyTo(List<ObjectTree> copy) {
        TreeSet<String> containers = new TreeSet<>();
        TreeSet<String> workloads = new TreeSet<>();
        for (ObjectTree object : copy) {
            if (object.podSpec() != null) {
                workloads.add(object.name());
                object.containers().forEach(c -> {
                    containers.add(String.valueOf(c.get("name")));
                    containers.add(object.name() + "/" + c.get("name"));
                });
            }
        }
        images.keySet().stream().filter(c -> !containers.contains(c)).findFirst().ifPresent(c -> {
            throw new InvalidInputException("image", "the source environment has no container named " + c
                    + "; its containers are " + String.join(", ", containers.stream().filter(n -> !n.contains("/")).toList())
                    + " (WORKLOAD/CONTAINER names one workload's)");
        });
        env.stream().filter(e -> !workloads.contains(e.workload())).findFirst().ifPresent(e -> {
            throw new InvalidInputException("env", "the source environment has no workload named " + e.workload()
                    + "; its workloads are " + String.join(", ", workloads));
        });
        TreeSet<String> unset = new TreeSet<>(set.keySet());
        for (ObjectTree object : copy) {
            if ("ConfigMap".equals(object.kind())) {
                Map<String, Object> data = ObjectTree.map(object.root(), "data");
                set.forEach((key, value) -> {
                    if (data.containsKey(key)) {
                        data.put(key, value);
                        unset.remove(key);
                    }
                });
            }
            for (Map<String, Object> container : object.containers()) {
                String image = images.getOrDefault(object.name() + "/" + container.get("name"), images.get(String.valueOf(container.get("name"))));
                if (image != null) {
                    container.put("image", image);
                }
                for (Map<String, Object> variable : ObjectTree.maps(container, "env")) {
                    Object key = variable.get("name");
                    if (set.containsKey(key) && variable.containsKey("value")) {
                        variable.put("value", set.get(key));
                        unset.remove(key);
                    }
                }
                env.stream().filter(e -> e.workload().equals(object.name())).forEach(e -> setVariable(container, e.key(), e.value()));
            }
        }
        if (!unset.isEmpty()) {
            throw new InvalidInputException("set", "no ConfigMap and no container's environment variable of the source environment sets "
                    + String.join(", ", unset) + "; use --env WORKLOAD:KEY=VALUE to add a variable");
        }
    }

    @SuppressWarnings("unchecked")
    private static void setVariable(Map<String, Object> container, String key, String value) {
        List<Object> variables = container.get("env") instanceof List<?> list ? (List<Object>) list : new ArrayList<>();
        variables.removeIf(v -> v instanceof Map<?, ?> m && key.equals(m.get("name")));
        variables.add(new LinkedHashMap<>(Map.of("name", key, "value", value)));
        container.put("env", variables);
    }
}

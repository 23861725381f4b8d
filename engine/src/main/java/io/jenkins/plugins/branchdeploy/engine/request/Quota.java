package io.jenkins.plugins.branchdeploy.engine.request;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Resource limits of one environment, written as a ResourceQuota and a LimitRange. Kubernetes
 * quantities: {@code cpu} like {@code 2} or {@code 500m}, {@code memory} like {@code 4Gi}.
 *
 * @param cpu total CPU limit, e.g. {@code 2}
 * @param memory total memory limit, e.g. {@code 4Gi}
 * @param pods the most pods at once
 * @param auto whether the deploy sizes the quota from the app's own totals instead (text {@value #AUTO});
 *     then the other limits are only what a quota without {@code auto} would have been
 */
public record Quota(String cpu, String memory, int pods, boolean auto) {

    public static final Quota DEFAULT = new Quota("2", "4Gi", 20);

    /** The text that asks for a quota sized from the app's totals. */
    public static final String AUTO = "auto";

    /** A fixed quota. */
    public Quota(String cpu, String memory, int pods) {
        this(cpu, memory, pods, false);
    }

    private static final String EXAMPLE = "e.g. cpu=2,memory=4Gi,pods=20";
    private static final Pattern CPU = Pattern.compile("\\d+(\\.\\d+)?m?");
    private static final Pattern MEMORY = Pattern.compile("\\d+(\\.\\d+)?([kMGTPE]i?)?");

    /**
     * This quota with the limits that {@code text} names replaced, e.g. {@code cpu=4,pods=30} keeps
     * this memory limit. Blank text keeps everything; {@value #AUTO} asks for a quota sized from the
     * app's totals.
     *
     * @param field the option or parameter the text came from, named in errors
     * @param text comma-separated {@code key=value} pairs with keys {@code cpu}, {@code memory}, {@code pods}, or {@code auto}
     */
    public Quota with(String field, String text) {
        Quota result = new Quota(cpu, memory, pods);
        if (text == null || text.isBlank()) {
            return this;
        }
        if (text.trim().equals(AUTO)) {
            return new Quota(cpu, memory, pods, true);
        }
        for (String pair : text.split(",")) {
            String[] keyValue = pair.split("=", 2);
            if (keyValue.length != 2 || keyValue[1].isBlank()) {
                throw new InvalidInputException(field, "'" + pair.trim() + "' is not key=value; write " + EXAMPLE);
            }
            String value = keyValue[1].trim();
            result = switch (keyValue[0].trim()) {
                case "cpu" -> new Quota(matching(field, "cpu", value, CPU, "2 or 500m"), result.memory, result.pods);
                case "memory" -> new Quota(result.cpu, matching(field, "memory", value, MEMORY, "4Gi or 512Mi"), result.pods);
                case "pods" -> new Quota(result.cpu, result.memory, pods(field, value));
                default -> throw new InvalidInputException(field, "unknown limit '" + keyValue[0].trim()
                        + "'; use cpu, memory and pods, " + EXAMPLE + ", or auto alone");
            };
        }
        return result;
    }

    /** The text form that {@link #with} reads, e.g. {@code cpu=2,memory=4Gi,pods=20}, or {@value #AUTO}. */
    @Override
    public String toString() {
        return auto ? AUTO : "cpu=" + cpu + ",memory=" + memory + ",pods=" + pods;
    }

    private static String matching(String field, String key, String value, Pattern pattern, String examples) {
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, key + " '" + value + "' is not a Kubernetes quantity; use e.g. " + examples);
        }
        return value;
    }

    private static int pods(String field, String value) {
        try {
            int pods = Integer.parseInt(value);
            if (pods > 0) {
                return pods;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(field, "pods '" + value + "' is not a positive whole number, e.g. pods=20");
    }
}

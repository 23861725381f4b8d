package io.jenkins.plugins.branchdeploy.engine.report;

/**
 * One field that differs between main's and the branch's version of a resource. {@code before} and
 * {@code after} hold the values only for fields whose values are safe and useful to show (images,
 * replicas, resources, ports); for environment variables, ConfigMap and Secret keys and any other
 * field they are {@code null}, so no value can leak into a report.
 *
 * @param field where the field is, e.g. {@code containers[server].image} or {@code data[password]}
 * @param change {@link ChangeType#ADDED}, {@link ChangeType#REMOVED} or {@link ChangeType#CHANGED}
 * @param before main's value, or {@code null} when not shown or absent
 * @param after the branch's value, or {@code null} when not shown or absent
 */
public record FieldChange(String field, ChangeType change, String before, String after) {

    static final String UNSET = "unset";

    /** A field whose values are shown; an absent value reads as {@code unset}. */
    static FieldChange shown(String field, String before, String after) {
        if (before == null) {
            return new FieldChange(field, ChangeType.ADDED, null, after);
        }
        if (after == null) {
            return new FieldChange(field, ChangeType.REMOVED, before, null);
        }
        return new FieldChange(field, ChangeType.CHANGED, before, after);
    }

    /** A field whose values are never shown, only that it was added, removed or changed. */
    static FieldChange hidden(String field, ChangeType change) {
        return new FieldChange(field, change, null, null);
    }

    /** What happened to the field, for text and HTML: {@code a -> b}, {@code added (b)}, {@code removed}. */
    public String summary() {
        return switch (change) {
            case CHANGED -> before == null ? "changed"
                    : field.endsWith(".image") ? ImageReference.change(before, after) : before + " -> " + after;
            case ADDED -> after == null ? "added" : "added (" + after + ")";
            case REMOVED -> before == null ? "removed" : "removed (" + before + ")";
            case UNCHANGED -> "unchanged";
        };
    }
}

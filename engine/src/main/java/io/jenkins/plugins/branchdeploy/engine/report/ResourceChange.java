package io.jenkins.plugins.branchdeploy.engine.report;

import java.util.List;

/**
 * How one resource differs between the branch and main.
 *
 * @param resource the resource's kind and name
 * @param change added, removed, changed or unchanged
 * @param fields for a changed resource, which fields changed; empty otherwise
 */
public record ResourceChange(ResourceKey resource, ChangeType change, List<FieldChange> fields) {

    public ResourceChange {
        fields = List.copyOf(fields);
    }
}

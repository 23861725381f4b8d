package io.jenkins.plugins.branchdeploy.engine.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Everything the other groups left: each differing path (e.g.
 * {@code spec.template.spec.containers[server].readinessProbe.periodSeconds}) without its values,
 * since a custom resource may hold anything.
 */
final class OtherFields implements FieldGroup {

    @Override
    public void compare(String kind, ObjectNode main, ObjectNode branch, List<FieldChange> changes) {
        TreeComparison.differences("", main, branch, (path, change) -> changes.add(FieldChange.hidden(path, change)));
    }
}

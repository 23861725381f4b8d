package io.jenkins.plugins.branchdeploy.engine.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Compares one group of fields of a resource (images, ports, keys...) and takes them out of both
 * trees, so that the next group, and finally {@link OtherFields}, never reports a field twice.
 */
interface FieldGroup {

    void compare(String kind, ObjectNode main, ObjectNode branch, List<FieldChange> changes);
}

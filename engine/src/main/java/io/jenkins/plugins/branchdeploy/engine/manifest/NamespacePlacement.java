package io.jenkins.plugins.branchdeploy.engine.manifest;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;

/**
 * Puts every document into the environment's namespace. Documents without a namespace, or of the
 * {@code sourceNamespace} the manifests were written for, are re-homed (RoleBinding subjects that
 * name the source namespace too); the source namespace's own {@code Namespace} document is dropped.
 * Documents of any other namespace, and other cluster-scoped kinds, are refused.
 */
final class NamespacePlacement {

    private final String namespace;
    private final String sourceNamespace;

    NamespacePlacement(String namespace, String sourceNamespace) {
        this.namespace = namespace;
        this.sourceNamespace = sourceNamespace == null || sourceNamespace.isBlank() ? null : sourceNamespace.trim();
    }

    /** Whether the document is the source namespace itself, which the environment's namespace replaces. */
    boolean isSourceNamespaceDocument(HasMetadata resource) {
        return resource instanceof Namespace && sourceNamespace != null
                && sourceNamespace.equals(resource.getMetadata().getName());
    }

    /**
     * Sets the namespace of a document, or refuses it.
     *
     * @param clusterScoped whether the kind is known to be cluster-scoped
     */
    void place(HasMetadata resource, boolean clusterScoped, String where) {
        if (clusterScoped) {
            throw new InvalidInputException("manifests", where + ": " + resource.getKind()
                    + " is cluster-scoped, and an environment holds only resources of its own namespace; remove the document"
                    + (resource instanceof Namespace ? " (or, if the manifests are written for namespace '"
                            + resource.getMetadata().getName() + "', set sourceNamespace to it)" : ""));
        }
        String declared = resource.getMetadata().getNamespace();
        if (declared != null && !declared.isEmpty() && !declared.equals(namespace) && !declared.equals(sourceNamespace)) {
            throw new InvalidInputException("manifests", where + " names namespace '" + declared
                    + "'; remove metadata.namespace, or set sourceNamespace to " + declared
                    + " if all the manifests are written for it");
        }
        resource.getMetadata().setNamespace(namespace);
        if (resource instanceof RoleBinding binding && sourceNamespace != null && binding.getSubjects() != null) {
            for (Subject subject : binding.getSubjects()) {
                if (sourceNamespace.equals(subject.getNamespace())) {
                    subject.setNamespace(namespace);
                }
            }
        }
    }

    static boolean isClusterScoped(HasMetadata typed) {
        return !(typed instanceof Namespaced);
    }
}

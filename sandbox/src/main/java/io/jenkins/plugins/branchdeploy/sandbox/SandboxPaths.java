package io.jenkins.plugins.branchdeploy.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Pieces of Kubernetes API request paths. */
final class SandboxPaths {

    private SandboxPaths() {}

    static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The value of one query parameter, decoded, or {@code null}. */
    static String queryParameter(String path, String name) {
        int query = path.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : path.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The collection an object path belongs to: {@code /api/v1/namespaces/a/pods/b} gives {@code /api/v1/namespaces/a/pods}. */
    static String collectionOf(String objectPath) {
        return objectPath.substring(0, objectPath.lastIndexOf('/'));
    }

    /** The namespace named by a path, or {@code null} for a cluster-scoped path. */
    static String namespaceOf(String path) {
        String[] parts = withoutQuery(path).split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("namespaces") && i + 2 < parts.length) {
                return parts[i + 1];
            }
        }
        return null;
    }

    /** The namespace a {@code DELETE /api/v1/namespaces/NAME} removes, or {@code null} for any other path. */
    static String deletedNamespace(String path) {
        String[] parts = withoutQuery(path).split("/");
        return parts.length == 5 && parts[1].equals("api") && parts[3].equals("namespaces") ? parts[4] : null;
    }

    /** The path of one object, from its group-version, resource plural, namespace and name. */
    static String objectPath(String apiVersion, String plural, String namespace, String name) {
        String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        return prefix + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural + "/" + name;
    }
}

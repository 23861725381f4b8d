package io.jenkins.plugins.branchdeploy.sandbox;

import java.util.List;

/**
 * One kind of object the sandbox serves, as API discovery describes it.
 *
 * @param group the API group, empty for the core group
 * @param version the group's version, e.g. {@code v1}
 * @param kind e.g. {@code Deployment}
 * @param plural the resource name in paths, e.g. {@code deployments}
 * @param namespaced whether objects of the kind live in a namespace
 * @param shortNames what kubectl accepts besides the plural, e.g. {@code deploy}
 * @param categories e.g. {@code all}, which {@code kubectl get all} lists
 */
record ApiResource(String group, String version, String kind, String plural, boolean namespaced,
                   List<String> shortNames, List<String> categories) {

    /** Every kind can be read, written and watched in the sandbox's store. */
    static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    static ApiResource namespaced(String groupVersion, String kind, String plural, String... shortNames) {
        return of(groupVersion, kind, plural, true, List.of(shortNames), List.of());
    }

    static ApiResource clusterScoped(String groupVersion, String kind, String plural, String... shortNames) {
        return of(groupVersion, kind, plural, false, List.of(shortNames), List.of());
    }

    private static ApiResource of(String groupVersion, String kind, String plural, boolean namespaced,
                                  List<String> shortNames, List<String> categories) {
        int slash = groupVersion.indexOf('/');
        return slash < 0
                ? new ApiResource("", groupVersion, kind, plural, namespaced, shortNames, categories)
                : new ApiResource(groupVersion.substring(0, slash), groupVersion.substring(slash + 1), kind, plural,
                        namespaced, shortNames, categories);
    }

    /** This kind, listed by {@code kubectl get all}. */
    ApiResource inAll() {
        return new ApiResource(group, version, kind, plural, namespaced, shortNames, List.of("all"));
    }

    /** e.g. {@code apps/v1}, or {@code v1} for the core group. */
    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The singular name discovery reports: the kind in lower case, as the API server derives it. */
    String singular() {
        return kind.toLowerCase(java.util.Locale.ROOT);
    }
}

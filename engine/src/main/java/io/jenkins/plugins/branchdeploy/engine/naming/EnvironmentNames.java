package io.jenkins.plugins.branchdeploy.engine.naming;

/**
 * Every name one branch environment goes by.
 *
 * @param environment the environment id: a DNS-1123 label, also the value of the environment label
 * @param app the app slug: a DNS-1123 label, also the value of the app label
 * @param namespace the Kubernetes namespace
 * @param host the public host name
 * @param url the live URL ({@code https://host})
 * @param helmRelease a Helm release name (at most 53 characters)
 */
public record EnvironmentNames(
        String environment, String app, String namespace, String host, String url, String helmRelease) {}

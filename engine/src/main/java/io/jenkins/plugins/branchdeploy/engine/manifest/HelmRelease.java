package io.jenkins.plugins.branchdeploy.engine.manifest;

import java.util.function.Supplier;

/**
 * What a Helm chart renders as: the release name, and the target cluster's Kubernetes version for
 * Helm's {@code .Capabilities.KubeVersion} and the chart's {@code kubeVersion} constraint, read only
 * when a chart is rendered. Tests pass a fixed version.
 *
 * @param name the environment's Helm release name
 * @param kubeVersion the cluster's version, e.g. {@code v1.31.2}
 */
public record HelmRelease(String name, Supplier<String> kubeVersion) {}

/**
 * Argo CD's side of an environment applied by Argo CD ({@code --apply-with argocd}): the
 * {@code Application} built from a deploy request, and what its status says about sync and health.
 * Needs no cluster; the cluster layer writes, waits and deletes.
 */
package io.jenkins.plugins.branchdeploy.engine.argocd;

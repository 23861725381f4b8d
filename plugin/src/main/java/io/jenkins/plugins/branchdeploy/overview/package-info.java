/**
 * The "Branch deployments" management page: every environment of this Jenkins on every configured
 * cluster, with tear-down and extend.
 */
package io.jenkins.plugins.branchdeploy.overview;

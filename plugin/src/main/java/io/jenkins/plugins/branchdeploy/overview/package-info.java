/**
 * The pages that show environments: Manage Jenkins » Branch deployments for administrators, a
 * Branch deployments page on every folder and multibranch project for its developers, and an
 * Environment page on each branch job. The two lists offer extend, wake, scale down and tear down,
 * each a POST checked against the permission the page's model gives (docs/configuration.md).
 */
package io.jenkins.plugins.branchdeploy.overview;

/**
 * What multibranch projects say about branches: which app a project deploys as, which branch and
 * pull request a branch job stands for, and the source-control state cleanup judges environments by.
 */
package io.jenkins.plugins.branchdeploy.multibranch;

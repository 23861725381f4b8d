/**
 * What a branch or a pull request is, independent of any source-control system: its name, the change
 * request it belongs to and the filter that says which branches get an environment.
 */
package io.jenkins.plugins.branchdeploy.engine.branch;

/**
 * The change report: what a branch changes compared with main, resource by resource and field by
 * field, and its text and HTML renderings; also drift, how far a branch is behind main.
 */
package io.jenkins.plugins.branchdeploy.engine.report;

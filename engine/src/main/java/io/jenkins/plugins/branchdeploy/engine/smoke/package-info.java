/**
 * Smoke tests: the checks file, running its HTTP checks against a live URL and the report of results.
 */
package io.jenkins.plugins.branchdeploy.engine.smoke;

/**
 * Turns a branch into the names of its environment (namespace, host, URL, database) by the naming
 * policy, within the DNS limits; pure functions without I/O.
 */
package io.jenkins.plugins.branchdeploy.engine.naming;

/**
 * The value types of what a user asks one deploy to do: the deploy request, the quota and the secret
 * entries; validated on construction, below every package that acts on them.
 */
package io.jenkins.plugins.branchdeploy.engine.request;

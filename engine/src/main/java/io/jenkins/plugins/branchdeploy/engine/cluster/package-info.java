/**
 * The environments on a Kubernetes cluster: deploying rendered manifests into a namespace that records
 * its owner, the inventory of environments, scaling down, waking and tearing down, and each app's
 * default webhook route. The only package that talks to the Kubernetes API.
 */
package io.jenkins.plugins.branchdeploy.engine.cluster;

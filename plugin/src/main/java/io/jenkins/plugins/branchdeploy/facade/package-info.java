/** The plugin's facades around Jenkins' statics, so that the glue's decisions can be tested without a running Jenkins. */
package io.jenkins.plugins.branchdeploy.facade;

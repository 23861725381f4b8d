/**
 * The Jenkins-free engine of Branch Deploy, shared by the Jenkins plugin and the command line. This
 * package holds what every layer uses: {@link io.jenkins.plugins.branchdeploy.engine.InvalidInputException}
 * for input a user must fix, duration parsing and the progress listener. The layers and the rules
 * between them are in {@code docs/architecture.md}.
 */
package io.jenkins.plugins.branchdeploy.engine;

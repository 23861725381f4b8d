package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;

/** {@code HOST[:PORT]} from the command line; an IPv6 address goes in brackets, {@code [::1]:5432}. */
record HostPort(String host, int port) {

    private static final String USAGE = "; give HOST or HOST:PORT, e.g. postgres.databases.svc:5432";

    static HostPort parse(String option, String text, int defaultPort) {
        String value = text.strip();
        int hostEnd = value.startsWith("[") ? value.indexOf(']') + 1 : value.indexOf(':') < 0 ? value.length() : value.indexOf(':');
        if (hostEnd <= 0) {
            throw new InvalidInputException(option, "'" + text + "' has no closing ]" + USAGE);
        }
        String host = value.startsWith("[") ? value.substring(1, hostEnd - 1) : value.substring(0, hostEnd);
        if (host.isEmpty() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@')) {
            throw new InvalidInputException(option, "'" + text + "' is not a host name" + USAGE);
        }
        String rest = value.substring(hostEnd);
        if (rest.isEmpty()) {
            return new HostPort(host, defaultPort);
        }
        try {
            int port = rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : -1;
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new HostPort(host, port);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option, "'" + text + "' has no port from 1 to 65535 after the host" + USAGE);
        }
    }
}

package io.jenkins.plugins.branchdeploy.cli.output;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Environments as a text table, one line each under a header: what {@code list} and the sandbox print. */
public final class EnvironmentTable {

    private static final String FORMAT = "%-40s %-12s %-30s %-6s %-16s %-12s %-12s %-22s %s";

    private EnvironmentTable() {}

    /** The header line, then one line per environment. */
    public static List<String> lines(List<Environment> environments) {
        List<String> lines = new ArrayList<>();
        lines.add(line("NAMESPACE", "APP", "BRANCH", "PR", "VARIANT OF", "CREATED BY", "STATUS", "EXPIRES", "URL"));
        for (Environment e : environments) {
            lines.add(line(e.namespace(), text(e.app()), text(e.branch()), text(e.change()),
                    e.isVariant() ? e.variant().source() : "-", e.isVariant() ? text(e.variant().createdBy()) : "-",
                    e.status() == null ? "-" : e.status().value(), text(e.expiresAt()), text(e.url())));
        }
        return lines;
    }

    private static String line(Object... columns) {
        return String.format(Locale.ROOT, FORMAT, columns).stripTrailing();
    }

    private static String text(Object value) {
        return Objects.toString(value, "-");
    }
}

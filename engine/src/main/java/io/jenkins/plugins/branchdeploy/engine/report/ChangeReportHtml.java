package io.jenkins.plugins.branchdeploy.engine.report;

/**
 * A change report as an HTML fragment for the build page: a summary, a drift warning when the branch
 * is too far behind, and a table of the resources that differ. Every piece of text is escaped, and
 * the fragment holds no script, style or event handler, so it is safe to show as it is.
 */
public final class ChangeReportHtml {

    private ChangeReportHtml() {}

    public static String render(ChangeReport report) {
        StringBuilder html = new StringBuilder("<div class=\"branch-deploy-changes\">\n");
        if (report.drift() != null) {
            String css = report.drift().exceeded() ? "branch-deploy-drift warning" : "branch-deploy-drift";
            html.append("<p class=\"").append(css).append("\">").append(escape(report.drift().message())).append("</p>\n");
        }
        html.append("<p>").append(escape(report.summary())).append("</p>\n");
        if (report.webhooks() != null) {
            html.append("<p class=\"branch-deploy-webhooks\">").append(escape(report.webhooks())).append("</p>\n");
        }
        if (!report.differences().isEmpty()) {
            html.append("<table class=\"jenkins-table\">\n")
                    .append("<thead><tr><th>Resource</th><th>Change</th><th>Fields</th></tr></thead>\n<tbody>\n");
            for (ResourceChange resource : report.differences()) {
                html.append("<tr><td>").append(escape(resource.resource().toString())).append("</td><td>")
                        .append(resource.change().word()).append("</td><td>");
                appendFields(html, resource);
                html.append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        return html.append("</div>\n").toString();
    }

    private static void appendFields(StringBuilder html, ResourceChange resource) {
        if (resource.fields().isEmpty()) {
            return;
        }
        html.append("<ul>");
        for (FieldChange field : resource.fields()) {
            html.append("<li><code>").append(escape(field.field())).append("</code>: ")
                    .append(escape(field.summary())).append("</li>");
        }
        html.append("</ul>");
    }

    /** Escapes the five characters that can end text or an attribute in HTML. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

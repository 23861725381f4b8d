package io.jenkins.plugins.branchdeploy.engine.request;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who applies an environment's manifests: the engine itself with server-side apply ({@link #DIRECT},
 * the default), or Argo CD through one {@code Application} per environment ({@link ArgoCd}). The
 * rest of the life cycle (namespace, quota, secrets, database branch, smoke tests, report, cleanup)
 * is the same either way.
 */
public sealed interface ApplyWith permits ApplyWith.Direct, ApplyWith.ArgoCd {

    /** The field in errors: step {@code applyWith}, flag {@code --apply-with}. */
    String FIELD = "applyWith";
    /** The name of the default, as users write it. */
    String DIRECT_NAME = "direct";
    String ARGOCD_NAME = "argocd";

    /** The engine applies the manifests itself; the default. */
    ApplyWith DIRECT = new Direct();

    /** {@link #DIRECT_NAME} or {@link #ARGOCD_NAME}, as users write it. */
    String name();

    /**
     * Whether {@code text} names Argo CD.
     *
     * @param text {@value #DIRECT_NAME}, {@value #ARGOCD_NAME}, or {@code null} or blank for the default
     * @throws InvalidInputException naming {@value #FIELD} for anything else
     */
    static boolean isArgoCd(String text) {
        String mode = text == null || text.isBlank() ? DIRECT_NAME : text.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals(DIRECT_NAME) && !mode.equals(ARGOCD_NAME)) {
            throw new InvalidInputException(FIELD, "'" + text.trim() + "' is neither " + DIRECT_NAME + " nor " + ARGOCD_NAME);
        }
        return mode.equals(ARGOCD_NAME);
    }

    /** Server-side apply by the engine. */
    record Direct() implements ApplyWith {
        @Override
        public String name() {
            return DIRECT_NAME;
        }
    }

    /**
     * An Argo CD {@code Application} per environment, made with {@link #of} from what a user typed.
     *
     * @param namespace the namespace Argo CD watches for Applications
     * @param project the Argo CD project the Application belongs to
     * @param repoUrl the Git repository Argo CD reads
     * @param repoPath the manifests' directory in it
     * @param revision the commit (or a branch or tag) Argo CD syncs to
     * @param destination the API server URL the environment's namespace is on, or the name of a cluster Argo CD knows
     * @param valueFiles a chart's values files, relative to {@code repoPath} as Argo CD reads them
     */
    record ArgoCd(String namespace, String project, String repoUrl, String repoPath, String revision, String destination,
            List<String> valueFiles) implements ApplyWith {

        public static final String DEFAULT_NAMESPACE = "argocd";
        public static final String DEFAULT_PROJECT = "default";
        /** The API server Argo CD runs on, as Argo CD names it. */
        public static final String IN_CLUSTER = "https://kubernetes.default.svc";

        private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");
        /** Git's own short form for SSH, {@code git@host:owner/repository.git}. */
        private static final Pattern SCP_LIKE = Pattern.compile("[\\w.-]+@[\\w.-]+:[^\\s]+");
        private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
        private static final Pattern REF_FORBIDDEN = Pattern.compile("[\\x00-\\x20\\x7f~^:?*\\[\\\\]|\\.\\.|@\\{|//|/\\.|^[-/.]|[/.]$|\\.lock$|^@$");

        public ArgoCd {
            valueFiles = valueFiles == null ? List.of() : List.copyOf(valueFiles);
        }

        @Override
        public String name() {
            return ARGOCD_NAME;
        }

        /**
         * The Argo CD hand-off from what a user typed; blank means not given.
         *
         * @param repoPath the manifests' directory in the repository; when blank, {@code manifests} if it is relative
         * @param manifests the manifests as typed (relative to the workspace, which is the repository's root), or {@code null}
         * @param values a chart's values files as typed, relative to the repository's root
         * @param revision a commit or a branch or tag; when blank, {@code commit}
         * @param commit the deployed commit, or {@code null}
         * @throws InvalidInputException naming the field: no repository URL, no path or revision to be had,
         *     a revision that is neither a commit nor a ref, a namespace or project that is no name
         */
        public static ArgoCd of(String namespace, String project, String repoUrl, String repoPath, String manifests, List<String> values,
                String revision, String commit, String destination) {
            if (!given(repoUrl)) {
                throw new InvalidInputException("repoUrl", "Argo CD reads the manifests from Git: give the repository's URL, or apply with "
                        + DIRECT_NAME);
            }
            String path = given(repoPath) ? repoPath.trim() : manifests == null || manifests.isBlank() ? null : manifests.trim();
            if (path == null || path.startsWith("/") || path.matches("[A-Za-z]:.*") || normalized(path).matches("\\.\\.(/.*)?")) {
                throw new InvalidInputException("repoPath", "give the manifests' directory in " + repoUrl.trim()
                        + (path == null ? "" : "; " + path + " is not a path inside the repository"));
            }
            String target = given(revision) ? revision.trim() : commit;
            if (target == null) {
                throw new InvalidInputException("revision", "give the commit Argo CD syncs to, or the commit of the deploy");
            }
            if (!COMMIT.matcher(target).matches() && !isRef(target)) {
                throw new InvalidInputException("revision", "'" + target + "' is neither a commit (7 to 40 hex digits) nor a branch or tag name");
            }
            String inRepository = normalized(path);
            return new ArgoCd(name("argocdNamespace", namespace, DEFAULT_NAMESPACE), name("argocdProject", project, DEFAULT_PROJECT),
                    url(repoUrl.trim()), inRepository, target, given(destination) ? destination.trim() : IN_CLUSTER,
                    valueFiles(inRepository, values == null ? List.of() : values));
        }

        /** Values files as Argo CD reads them: relative to the chart's directory. */
        private static List<String> valueFiles(String repoPath, List<String> values) {
            List<String> files = new ArrayList<>();
            for (String value : values) {
                String file = value.trim().replace('\\', '/');
                if (file.startsWith("/") || file.matches("[A-Za-z]:.*")) {
                    throw new InvalidInputException("values", file + " must be a path in the repository, relative to its root");
                }
                files.add(Path.of(repoPath).relativize(Path.of(file)).normalize().toString().replace('\\', '/'));
            }
            return files;
        }

        /** Whether the revision is a commit (Argo CD reports the full one it resolved a shorter one to). */
        public boolean revisionIsCommit() {
            return COMMIT.matcher(revision).matches();
        }

        /** Whether the destination is an API server's URL rather than the name of a cluster. */
        public boolean destinationIsServer() {
            return destination.contains("://");
        }

        private static boolean isRef(String text) {
            return !REF_FORBIDDEN.matcher(text).find();
        }

        private static String name(String field, String text, String fallback) {
            if (!given(text)) {
                return fallback;
            }
            if (!DNS_LABEL.matcher(text.trim()).matches()) {
                throw new InvalidInputException(field, "'" + text.trim() + "' is not a Kubernetes name (lower-case letters, digits and '-')");
            }
            return text.trim();
        }

        private static String url(String text) {
            if (SCP_LIKE.matcher(text).matches()) {
                return text;
            }
            try {
                URI uri = new URI(text);
                if (uri.getScheme() != null && (uri.getHost() != null || uri.getScheme().equals("file"))) {
                    return text;
                }
            } catch (URISyntaxException e) {
                // refused below
            }
            throw new InvalidInputException("repoUrl", "'" + text + "' is not a Git repository URL; write e.g. https://github.com/acme/shop.git");
        }

        private static String normalized(String path) {
            String slashes = path.replace('\\', '/').replaceAll("/+$", "").replaceFirst("^\\./", "");
            return slashes.isEmpty() ? "." : slashes;
        }

        private static boolean given(String text) {
            return text != null && !text.isBlank();
        }
    }
}

package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.StableHash;

/**
 * The one PostgreSQL identifier an environment's database state goes by: the name of its role and
 * of its database (template strategy) or schema (schema strategy).
 *
 * <p>It is {@code {app}__{environment}} with hyphens turned into underscores, so that it needs no
 * quoting in a psql session: {@code shop__feature_auth_j371xi}. The app slug never holds two
 * underscores in a row, so the first {@code __} always separates app from environment and distinct
 * environments never share a name. Longer than PostgreSQL's 63 bytes, the environment part is
 * shortened and a stable hash of the full name appended. PostgreSQL reserves the {@code pg_}
 * prefix, so a name that would start with it starts with an underscore instead.
 */
public final class DatabaseName {

    /** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes; our names are ASCII. */
    public static final int MAX_BYTES = 63;

    private static final String SEPARATOR = "__";

    private DatabaseName() {}

    public static String of(EnvironmentNames names) {
        return of(names.app(), names.environment());
    }

    /**
     * @param appSlug the app slug, e.g. {@code shop}
     * @param environmentId the environment id, e.g. {@code feature-auth-j371xi}: what an environment's
     *     namespace records in its labels, so the name needs neither branch nor domain
     */
    public static String of(String appSlug, String environmentId) {
        String app = appSlug.replace('-', '_');
        String environment = environmentId.replace('-', '_');
        String prefix = (app + SEPARATOR).startsWith("pg_") ? "_" : "";
        String full = prefix + app + SEPARATOR + environment;
        if (full.length() <= MAX_BYTES) {
            return full;
        }
        String hash = StableHash.of(appSlug + "/" + environmentId);
        int room = MAX_BYTES - full.length() + environment.length() - hash.length() - 1;
        return prefix + app + SEPARATOR + withoutTrailingUnderscores(environment.substring(0, room)) + "_" + hash;
    }

    private static String withoutTrailingUnderscores(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '_') {
            end--;
        }
        return text.substring(0, end);
    }
}

package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How the engine reaches the PostgreSQL server as an administrator: a role that may create roles and
 * databases. The password is never shown: not by {@link #toString()}, not in any error message.
 */
public final class AdminConnection {

    public static final String FIELD = "databaseAdmin";
    public static final int DEFAULT_PORT = 5432;

    private static final String USAGE = "; use postgresql://USER:PASSWORD@HOST:PORT/DATABASE"
            + " (percent-encode @ : / ? # in the password)";

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;

    /**
     * @param database the database the admin session opens; the schema strategy's shared database
     * @param parameters extra connection parameters such as {@code sslmode=require}
     */
    public AdminConnection(String host, int port, String database, String user, String password,
            Map<String, String> parameters) {
        this.host = require(host, "host");
        this.database = require(database, "database");
        this.user = require(user, "user");
        this.password = password == null ? "" : password;
        if (port < 1 || port > 65535) {
            throw new InvalidInputException(FIELD, "port " + port + " is not a TCP port (1-65535)");
        }
        this.port = port;
        this.parameters = Map.copyOf(parameters);
    }

    /**
     * Parses {@code postgresql://user:password@host:port/database?sslmode=require} (also
     * {@code postgres://} and {@code jdbc:postgresql://host/db?user=..&password=..}). Like libpq, the
     * port defaults to 5432 and the database to the user's name.
     */
    public static AdminConnection parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException(FIELD, "is empty" + USAGE);
        }
        String text = url.strip();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // The input holds the password: never echo it.
            throw new InvalidInputException(FIELD, "is not a URL" + USAGE);
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new InvalidInputException(FIELD, "does not start with postgresql://" + USAGE);
        }
        Map<String, String> parameters = query(uri.getRawQuery());
        String user = parameters.remove("user");
        String password = parameters.remove("password");
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                password = decode(userInfo.substring(colon + 1));
            }
        }
        if (uri.getHost() == null) {
            throw new InvalidInputException(FIELD, "names no host" + USAGE);
        }
        if (user == null || user.isEmpty()) {
            throw new InvalidInputException(FIELD, "names no user" + USAGE);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? user : decode(path);
        return new AdminConnection(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database,
                user, password, parameters);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The database the admin session opens. */
    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** The TLS mode the server was reached with, to hand on to the app, or {@code null}. */
    public String sslMode() {
        return parameters.get("sslmode");
    }

    /** A new session on the admin database. */
    public Connection open() throws SQLException {
        return open(database);
    }

    /** A new session on {@code otherDatabase} with the admin's credentials. */
    public Connection open(String otherDatabase) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(parameters);
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "branch-deploy");
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + encode(otherDatabase);
        try {
            // The driver itself rather than DriverManager, which cannot see drivers of a plugin class loader.
            return new org.postgresql.Driver().connect(url, properties);
        } catch (SQLException e) {
            throw scrubbed(e);
        }
    }

    /** A copy of {@code e} whose message holds no trace of the admin password. */
    SQLException scrubbed(SQLException e) {
        String message = scrub(e.getMessage());
        if (message != null && message.equals(e.getMessage())) {
            return e;
        }
        return new SQLException(message, e.getSQLState(), e.getErrorCode());
    }

    /** {@code text} with every occurrence of the admin password (plain or percent-encoded) masked. */
    String scrub(String text) {
        if (text == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, "****").replace(encode(password), "****");
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(FIELD, "has no " + what + USAGE);
        }
        return value;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FIELD, "has a broken %-escape" + USAGE);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

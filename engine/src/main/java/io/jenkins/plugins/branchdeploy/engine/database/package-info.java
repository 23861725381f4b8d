/**
 * A PostgreSQL database (or schema) per environment: creating it from a template or seed, its role
 * and connection details, and dropping it. The only package that talks to PostgreSQL.
 */
package io.jenkins.plugins.branchdeploy.engine.database;

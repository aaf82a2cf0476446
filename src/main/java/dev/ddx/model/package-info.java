/**
 * The evidence model: what every backend produces and every detector reads. Plain records with
 * no dependencies. Lists are never null (empty instead), optional values are {@code Optional},
 * frames are innermost first, threads are in the order the source listed them.
 */
package dev.ddx.model;

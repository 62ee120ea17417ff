/**
 * Email digests: double opt-in subscriptions with preferences, signed links, composing a digest
 * of trending papers for each subscriber, and sending the digests that are due.
 */
@ApplicationModule(allowedDependencies = { "catalog", "feed", "community", "search", "account", "mail", "web", "cli", "foryou" })
package io.paperboy.digest;

import org.springframework.modulith.ApplicationModule;

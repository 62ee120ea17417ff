/**
 * A member's own signals and library: saved papers, papers they are not interested in, authors they
 * follow, and collections (named lists, private or public), with exports and the page where a member
 * sees and edits all of it.
 */
@ApplicationModule(allowedDependencies = { "catalog", "account", "community", "web", "feed :: syndication" })
package io.paperboy.library;

import org.springframework.modulith.ApplicationModule;

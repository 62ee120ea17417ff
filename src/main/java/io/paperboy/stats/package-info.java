/**
 * Charts of votes and papers over time, drawn on the server as inline SVG: the vote history of a
 * paper, sparklines for cards, and the {@code /stats} page.
 */
@ApplicationModule(allowedDependencies = { "catalog", "community", "web" })
package io.paperboy.stats;

import org.springframework.modulith.ApplicationModule;

/**
 * For you: a per-member interest model over the papers' embeddings (nearest examples while a member
 * has given few signals, a logistic regression above that) and over their words and authors (a
 * logistic regression over TF-IDF terms), ranking the papers of a window with the example that
 * explains each one.
 */
@ApplicationModule(allowedDependencies = { "search", "library", "catalog", "community", "account", "web" })
package io.paperboy.foryou;

import org.springframework.modulith.ApplicationModule;

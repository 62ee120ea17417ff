/** The lists readers browse: days, weeks, months, as pages and as the Hugging Face-compatible API. */
@ApplicationModule(allowedDependencies = { "catalog", "community", "stats", "account", "web", "cli" })
package io.paperboy.feed;

import org.springframework.modulith.ApplicationModule;

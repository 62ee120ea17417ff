/** The catalog: papers, their authors and categories, arXiv ids, and the daily lists. */
@ApplicationModule(allowedDependencies = { "account", "web" })
package io.paperboy.catalog;

import org.springframework.modulith.ApplicationModule;

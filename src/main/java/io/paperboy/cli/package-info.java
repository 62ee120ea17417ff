/** Command-line verbs: the same application, run once from a shell instead of serving requests. */
@ApplicationModule(allowedDependencies = {})
package io.paperboy.cli;

import org.springframework.modulith.ApplicationModule;

/** Users: members and the submitters that imports name. */
@ApplicationModule(allowedDependencies = { "mail", "web", "cli" })
package io.paperboy.account;

import org.springframework.modulith.ApplicationModule;

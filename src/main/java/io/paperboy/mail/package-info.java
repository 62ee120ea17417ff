/** The one way Paperboy sends mail: sign-in links, confirmations and digests. */
@ApplicationModule(allowedDependencies = { "web", "cli" })
package io.paperboy.mail;

import org.springframework.modulith.ApplicationModule;

/**
 * The site's frame: layout, error pages, security configuration, rate limits, shared settings and
 * template pieces. Every feature may use it and it uses none of them: accounts plug sign-in in
 * through {@link io.paperboy.web.SignInSteps}.
 */
@ApplicationModule(allowedDependencies = {})
package io.paperboy.web;

import org.springframework.modulith.ApplicationModule;

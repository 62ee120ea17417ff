/** The site's frame: layout, error pages, shared settings and template pieces. */
package io.paperboy.web;

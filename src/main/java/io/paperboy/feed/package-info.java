/** The lists readers browse: days, weeks, months, as pages and as the Hugging Face-compatible API. */
package io.paperboy.feed;

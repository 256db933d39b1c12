/**
 * Deliberately broken packages for {@code ArchitectureTest}: the rules must find a cycle ({@code a} ↔ {@code b}),
 * a core package importing the command line ({@code quantum} → {@code cli}) and a non-entry package importing a
 * benchmark ({@code kernel} → {@code bench}). Test sources only; the real check never imports them.
 */
package org.densitylab.archfixture;

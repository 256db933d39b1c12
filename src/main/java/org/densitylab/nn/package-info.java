/**
 * Shared network helpers for both papers. Neural networks on Deeplearning4j/ND4J (SameDiff), float32, NCHW inputs {@code [batch, 2, d, d]}.
 * CPU ({@code nd4j-native}) by default; the Maven profile {@code cuda} runs the same code on a GPU.
 */
package org.densitylab.nn;

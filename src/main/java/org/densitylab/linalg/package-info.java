/**
 * Dense complex linear algebra for quantum states, on EJML's storage layout.
 *
 * <p>{@link org.densitylab.linalg.ComplexMatrix} is an immutable row-major matrix whose entries are
 * stored interleaved (real, imaginary), as in EJML's {@code ZMatrixRMaj}.
 * {@link org.densitylab.linalg.HermitianEigen} gives the spectrum of a Hermitian matrix (a fast
 * Householder-tridiagonal + implicit-QL path for eigenvalues only; EJML's symmetric eigen-decomposition of
 * the real embedding \([[A,-B],[B,A]]\) when eigenvectors are needed), and
 * {@link org.densitylab.linalg.MatrixFunctions} builds functions of Hermitian matrices (square root,
 * logarithm-based entropies) and trace norms on it.
 */
package org.densitylab.linalg;

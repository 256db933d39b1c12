/**
 * Dense complex linear algebra for quantum states, on EJML's storage layout.
 *
 * <p>{@link org.densitylab.linalg.ComplexMatrix} is an immutable row-major matrix whose entries are
 * stored interleaved (real, imaginary), as in EJML's {@code ZMatrixRMaj}.
 * {@link org.densitylab.linalg.HermitianEigen} gives the spectrum of a Hermitian matrix (LAPACK's
 * {@code zheevd} through the OpenBLAS that ND4J ships, and a pure-Java Householder + implicit-QL path that is
 * faster for the eigenvalues of small matrices), and
 * {@link org.densitylab.linalg.MatrixFunctions} builds functions of Hermitian matrices (square root,
 * logarithm-based entropies) and trace norms on it.
 */
package org.densitylab.linalg;

package org.densitylab.quantum;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.linalg.ComplexMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every public entry point rejects malformed input with a message naming the problem and the value. */
class BadInputTest extends QuietTest {

    private static void rejects(Executable call, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "message '" + e.getMessage() + "' should mention '" + w + "'");
        }
    }

    @Test
    void densityMatrixValidation() {
        rejects(() -> DensityMatrix.of(ComplexMatrix.zeros(2, 4)), "square", "2x4");
        rejects(() -> DensityMatrix.of(ComplexMatrix.identity(3).scale(1 / 3.0)), "power of two", "3");
        rejects(() -> DensityMatrix.of(ComplexMatrix.ofReal(new double[][] {{0.5, 0.2}, {0.1, 0.5}})), "Hermitian", "0.1");
        rejects(() -> DensityMatrix.of(ComplexMatrix.identity(2)), "trace 1", "2.0");
        rejects(() -> DensityMatrix.of(ComplexMatrix.ofReal(new double[][] {{1.5, 0}, {0, -0.5}})),
                "positive semidefinite", "-0.5");
        rejects(() -> DensityMatrix.fromTwoChannel(new double[7], QubitOrder.BIG_ENDIAN, 1e-6), "even", "7");
        rejects(() -> DensityMatrix.fromTwoChannel(new double[6], QubitOrder.BIG_ENDIAN, 1e-6), "2·d²", "6");
    }

    @Test
    void ketValidation() {
        rejects(() -> Ket.of(new double[] {1, 1}, null), "norm 1", "2");
        rejects(() -> Ket.of(new double[] {1, 0, 0}, null), "power of two", "3");
        rejects(() -> Ket.normalized(new double[] {0, 0}, null), "normalise", "0");
        rejects(() -> Ket.basis(2, 4), "basis index 4");
    }

    @Test
    void qubitIndices() {
        DensityMatrix rho = States.ghz(3).toDensityMatrix();
        rejects(() -> rho.keep(3), "qubit 3", "3-qubit");
        rejects(() -> rho.keep(-1), "qubit -1");
        rejects(() -> rho.keep(1, 1), "qubit 1 is listed twice");
        rejects(() -> rho.keep(), "at least one");
        rejects(() -> rho.traceOut(0, 1, 2), "at least one");
        rejects(() -> rho.partialTranspose(5), "qubit 5");
        rejects(() -> rho.permuteQubits(0, 1), "3 entries");
        rejects(() -> rho.permuteQubits(0, 0, 1), "twice");
        rejects(() -> Bipartition.of(3, 0, 1, 2), "both sides");
        rejects(() -> rho.negativity(Bipartition.of(2, 0)), "2 qubits", "3");
        rejects(() -> Bipartitions.of(1), "2..");
        rejects(() -> Circuit.on(2).cnot(0, 0), "two different qubits");
        rejects(() -> Circuit.on(2).h(2), "qubit 2");
        rejects(() -> Circuit.on(2).gate(0, ComplexMatrix.identity(2).scale(2)), "not unitary");
    }

    @Test
    void operationsBetweenMismatchedStates() {
        DensityMatrix a = States.ghz(3).toDensityMatrix();
        DensityMatrix b = States.bell().toDensityMatrix();
        rejects(() -> a.fidelity(b), "3 qubits", "2 qubits");
        rejects(() -> a.traceDistance(b), "3 qubits", "2 qubits");
        rejects(() -> a.evolve(ComplexMatrix.identity(4)), "8x8", "4x4");
        rejects(() -> DensityMatrix.mixture(new double[] {0.5, 0.6}, List.of(a, a)), "sum to 1", "1.1");
        rejects(() -> DensityMatrix.mixture(new double[] {1.5, -0.5}, List.of(a, a)), "weight 1", "-0.5");
        rejects(() -> DensityMatrix.mixture(new double[] {0.5, 0.5}, List.of(a, b)), "different sizes");
        rejects(() -> RandomStates.hilbertSchmidt(2, 5, rng), "rank", "1..4", "5");
        rejects(() -> RandomStates.dirichlet(0, 3, rng), "alpha");
    }
}

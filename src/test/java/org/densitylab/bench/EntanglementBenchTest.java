package org.densitylab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.densitylab.entanglement.CnnConfig;
import org.densitylab.entanglement.EntanglementNet;

class EntanglementBenchTest extends QuietTest {
    @Test
    void theMultiLayerNetworkCopyComputesWhatTheSameDiffCnnComputes() {
        EntanglementNet net = EntanglementNet.create(CnnConfig.paper(3), EntanglementNet.Kind.CNN, 1e-3, 3);
        MultiLayerNetwork mln = EntanglementBench.multiLayer(net);
        assertEquals(1_033_891, mln.numParams());
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 2, 8, 8).subi(0.5);
        assertArrayEquals(net.predict(x).data().asFloat(), mln.output(x).data().asFloat(), 1e-5f);
    }
}

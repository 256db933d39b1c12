// The set-up of every DensityLab notebook, loaded by its first cell: %load utils/densitylab.jsh
// It works the same in the "Java (DensityLab)" kernel and in stock IJava (only %classpath, %jars and plain Java).
// Build the project first (./run.sh, or mvn -B -q package -DskipTests): the two lines below load target/.
%classpath ../target/classes
%jars ../target/lib
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import java.nio.file.*;
import org.densitylab.quantum.*;
import org.densitylab.linalg.*;
import org.densitylab.data.*;
import org.densitylab.entanglement.*;
import org.densitylab.marginals.*;
import org.densitylab.plot.*;
import org.densitylab.util.*;
import org.densitylab.progress.Progress;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
// ND4J looks its backend up through the context class loader; point it at the loader that sees target/lib.
org.nd4j.common.config.ND4JClassLoading.setNd4jClassloaderFromClass(org.nd4j.linalg.factory.Nd4j.class);
// QUICK: the small configuration (CI, Binder) when DENSITYLAB_QUICK=1; unset, the notebooks reproduce the paper.
boolean QUICK = Notebooks.quick();

// DensityLab start-up script for JShell and the Jupyter kernel.
//   jshell:  environment/jshell.sh  (or: jshell --class-path ... --startup DEFAULT --startup environment/densitylab.jsh)
//   kernel:  densitylab kernel install --startup environment/densitylab.jsh
// Imports the library's user-facing packages and points ND4J at the class loader that sees the class path.
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import java.util.random.RandomGenerator;
import java.nio.file.*;
import org.densitylab.quantum.*;
import org.densitylab.linalg.*;
import org.densitylab.data.*;
import org.densitylab.data.io.*;
import org.densitylab.entanglement.*;
import org.densitylab.marginals.*;
import org.densitylab.plot.*;
import org.densitylab.util.*;
import org.densitylab.progress.Progress;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
org.nd4j.common.config.ND4JClassLoading.setNd4jClassloaderFromClass(org.nd4j.linalg.factory.Nd4j.class);

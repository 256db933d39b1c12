package org.densitylab.kernel.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.densitylab.kernel.Agent;

/** Finds (or, when running from a classes folder, writes) a jar usable as {@code -javaagent}. */
final class AgentJar {
    private AgentJar() {
    }

    /**
     * @param tmpDir where to write a jar if none exists
     * @return a jar whose manifest names {@link Agent} as {@code Premain-Class}
     * @throws IOException if the jar cannot be written
     */
    static Path locate(Path tmpDir) throws IOException {
        try {
            Path here = Path.of(Agent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(here)) {
                try (JarFile jar = new JarFile(here.toFile())) {
                    Manifest m = jar.getManifest();
                    if (m != null && Agent.class.getName().equals(m.getMainAttributes().getValue("Premain-Class"))) {
                        return here;
                    }
                }
            }
        } catch (URISyntaxException | NullPointerException e) {
            // fall through and write one
        }
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Premain-Class", Agent.class.getName());
        a.putValue("Can-Redefine-Classes", "true");
        Files.createDirectories(tmpDir);
        Path jar = tmpDir.resolve("densitylab-agent.jar");
        String entry = Agent.class.getName().replace('.', '/') + ".class";
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os, m);
             InputStream in = Agent.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException("cannot read " + entry + " from the class path");
            }
            jos.putNextEntry(new JarEntry(entry));
            in.transferTo(jos);
            jos.closeEntry();
        }
        return jar;
    }
}

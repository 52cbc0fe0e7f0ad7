package org.jwebrtc.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A peer we did not write (coturn, openssl, Chromium) run as a child process. Output lines are
 * kept so a test can wait for readiness and print them when it fails; close kills the whole tree.
 */
public final class ExternalProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean outputEnded; // the reader saw end of stream: every line the process wrote is in lines

    private ExternalProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::pump, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ExternalProcess start(String name, List<String> command) {
        return start(name, command, java.util.Map.of());
    }

    /** Starts {@code command} with {@code environment} added to this JVM's environment. */
    public static ExternalProcess start(String name, List<String> command,
                                        java.util.Map<String, String> environment) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(environment);
            return new ExternalProcess(name, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The absolute path of {@code program} on PATH or in the usual sbin folders, if installed. */
    public static java.util.Optional<Path> which(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        for (String dir : path.split(":")) {
            Path p = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    public Process process() {
        return process;
    }

    public synchronized List<String> output() {
        return List.copyOf(lines);
    }

    /**
     * The whole output of a process that has exited: waits (up to {@code timeout}) until the reader has
     * drained the pipe, since the process can be gone before its last lines are read.
     */
    public synchronized List<String> outputAfterExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!outputEnded && deadline - System.nanoTime() > 0) {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(lines);
    }

    /** Waits until an output line matches; throws with the output so far on timeout or exit. */
    public String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (this) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (outputEnded && seen == lines.size())) {
                    throw new AssertionError(name + " did not print the expected line; output:\n"
                            + String.join("\n", lines));
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 100_000_000L))));
            }
        }
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout);
        }
        return process.exitValue();
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException ignored) {
            // process gone
        }
        synchronized (this) {
            outputEnded = true;
            notifyAll();
        }
    }

    /**
     * Kills the whole tree: children are listed before anything is signalled, because once the
     * parent exits its children are re-parented to init and no longer show as descendants
     * (Chromium's zygote and renderers would linger). SIGTERM first, SIGKILL after 5 s.
     */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (ProcessHandle h : tree) {
                awaitExit(h, deadline);
            }
            for (ProcessHandle h : tree) {
                if (h.isAlive()) {
                    h.destroyForcibly();
                    awaitExit(h, System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
                }
            }
            // the JDK's reaper thread must also have collected our direct child, or Process.isAlive() races
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills the whole tree at once with SIGKILL and waits for it, plus {@code others} (processes the
     * tree spawned that left it, e.g. double-forked daemons). For peers whose state is thrown away
     * anyway, where a graceful shutdown only costs time (Chromium takes ~2.5 s on SIGTERM).
     */
    public void kill(List<ProcessHandle> others) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.addAll(others);
        tree.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (ProcessHandle h : tree) {
                awaitExit(h, deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Polls rather than {@code onExit()}: for a process that is not our child (grandchildren,
     * re-parented daemons) the JDK polls with a 300 ms first step.
     */
    private static void awaitExit(ProcessHandle h, long deadlineNanos) throws InterruptedException {
        long pause = 2;
        while (h.isAlive() && deadlineNanos - System.nanoTime() > 0) {
            Thread.sleep(pause);
            pause = Math.min(50, pause * 2);
        }
    }
}

package org.casepulse.http.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's TLS context for the HTTP port, reloaded when its files change: a scheduled check of
 * their modification times, then {@link SslContextFactory#reload}, which serves the new
 * certificate on new connections and leaves open ones alone. A file caught half-written fails to
 * load; the old certificate stays and the next check tries again.
 */
public final class ReloadingTls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingTls.class);

    private static final String IN_MEMORY_PASSWORD = "in-memory";

    private final TlsSettings settings;
    private final SslContextFactory.Server factory = new SslContextFactory.Server();
    private final ScheduledExecutorService watcher;
    private List<FileTime> loaded;

    public ReloadingTls(TlsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.loaded = modificationTimes();
        configure(factory);
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "casepulse-tls-reload");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.reloadInterval().toMillis();
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** For Jetty's connector. */
    public SslContextFactory.Server factory() {
        return factory;
    }

    /** Reloads when a file's modification time moved since the last load; returns whether it did. */
    public synchronized boolean reloadIfChanged() {
        List<FileTime> now = modificationTimes();
        if (now.equals(loaded)) {
            return false;
        }
        try {
            factory.reload(this::configure);
            loaded = now;
            LOG.info("TLS certificate reloaded from {}", settings.describe());
            return true;
        } catch (Exception e) {
            LOG.warn("TLS files {} changed but cannot be loaded, still serving the previous certificate: {}",
                    settings.describe(), e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }

    private void configure(SslContextFactory target) {
        // Clients check the host name; the server does not refuse a Host that its certificate does not name.
        ((SslContextFactory.Server) target).setSniRequired(false);
        target.setKeyStoreType("PKCS12");
        if (settings.keyStore() != null) {
            target.setKeyStorePassword(settings.password());
            target.setKeyStorePath(settings.keyStore().toAbsolutePath().toString());
        } else {
            // The PEM files are put in a key store that lives in memory only; its password protects nothing.
            target.setKeyStorePassword(IN_MEMORY_PASSWORD);
            target.setKeyStore(PemKeyStore.load(settings.certificate(), settings.privateKey(),
                    IN_MEMORY_PASSWORD.toCharArray()));
        }
    }

    private List<FileTime> modificationTimes() {
        return settings.files().stream().map(ReloadingTls::modified).toList();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}

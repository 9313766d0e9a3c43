package org.casepulse.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the application together: one block cache
 * shared by all stores, with memtables counted against it, index and filter blocks inside it. Without
 * this each store sizes its own caches and memtables, and a container's memory limit is a guess.
 * The bound is {@value #MEMORY_KEY} (bytes, shared by all stores of the process); memtables may use
 * up to half of it.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Set by the application from its setting, in the streams configuration every store sees. */
    public static final String MEMORY_KEY = "casepulse.rocksdb.memory.bytes";
    private static final long DEFAULT_BYTES = 256L * 1024 * 1024;
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    // RocksDB objects shared by every store of the process, created once with the first store's size.
    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache(configs));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setTableFormatConfig(table);
    }

    private static synchronized Cache sharedCache(Map<String, Object> configs) {
        if (cache == null) {
            long bytes = bytes(configs.get(MEMORY_KEY));
            cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_SHARE);
            writeBuffers = new WriteBufferManager(bytes / 2, cache);
        }
        return cache;
    }

    static long bytes(Object configured) {
        if (configured == null || configured.toString().isBlank()) {
            return DEFAULT_BYTES;
        }
        long bytes = Long.parseLong(configured.toString().trim());
        if (bytes < 16L * 1024 * 1024) {
            throw new IllegalArgumentException(MEMORY_KEY + " must be at least 16 MiB, got " + bytes);
        }
        return bytes;
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store: they live as long as the process.
    }
}

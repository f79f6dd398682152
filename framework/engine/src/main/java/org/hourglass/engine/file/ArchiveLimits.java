package org.hourglass.engine.file;

/**
 * Sizes beyond which a model file is refused as absurd (or hostile). Declared sizes from the zip
 * directory and the bytes actually read are both held to these limits.
 *
 * @param maxEntries entries in the archive
 * @param maxEntryBytes uncompressed bytes of one entry
 * @param maxTotalBytes uncompressed bytes of all entries together
 * @param maxMetadataBytes uncompressed bytes of the JSON metadata and of the checksum list
 * @param maxRatio uncompressed ÷ compressed bytes of one entry, checked once {@code ratioFloorBytes} are out
 * @param ratioFloorBytes entries smaller than this are not held to {@code maxRatio}
 */
record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxMetadataBytes, double maxRatio,
	long ratioFloorBytes)
{

	private static final long MIB = 1L << 20;

	static final ArchiveLimits DEFAULT = new ArchiveLimits(10_000, 2048 * MIB, 4096 * MIB, 16 * MIB, 100, MIB);
}
